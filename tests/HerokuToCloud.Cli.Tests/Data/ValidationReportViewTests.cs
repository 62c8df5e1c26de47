using HerokuToCloud.Cli.Rendering;
using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Cli.Tests.Data;

public class ValidationReportViewTests
{
    [Fact]
    public void A_table_name_and_a_value_with_newlines_stay_on_their_lines()
    {
        var report = new ValidationReport
        {
            Source = "source:5432/app",
            Target = "target:5432/app",
            StartedAt = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.FromSeconds(1),
            Tables =
            [
                new TableValidation("public.\"two\nlines\"", TableStatus.Different, 1, 1)
                {
                    KeyColumns = ["id"],
                    ChangedRows = 1,
                    Rows = [new RowDifference(RowDifferenceKind.Changed, [new KeyValue("id", "1")]) { Columns = [new ColumnDifference("note", "a\nb", "a\r\nb")] }],
                },
            ],
        };

        var lines = ValidationReportView.ToText(report).Split(Environment.NewLine);

        Assert.Contains("  public.\"two\\nlines\": 0 missing, 0 extra, 1 changed (source 1 row, target 1)", lines);
        Assert.Contains("    changed  id=1  note: 'a\\nb' → 'a\\r\\nb'", lines);
        Assert.Contains("DIFFERENT: 1 table with differing rows (1 row)", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("lines", StringComparison.Ordinal) || line.StartsWith("b'", StringComparison.Ordinal));
    }
}
