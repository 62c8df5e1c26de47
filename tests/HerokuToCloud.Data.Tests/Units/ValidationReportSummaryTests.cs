using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Units;

public class ValidationReportSummaryTests
{
    private static ValidationReport Report(params TableValidation[] tables) => new()
    {
        Source = "source",
        Target = "target",
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromSeconds(2),
        Tables = tables,
        SequencesChecked = 1,
        LargeObjects = new LargeObjectValidation(1, 1, 0, 0, 0),
    };

    [Fact]
    public void Counts_of_one_read_in_the_singular()
    {
        var summary = Report(new TableValidation("public.t", TableStatus.Identical, 1, 1)).Summary;

        Assert.Equal("identical: 1 table, 1 row, 1 sequence, 1 large object in 2.0 s", summary);
    }

    [Fact]
    public void A_difference_of_one_row_in_one_table_reads_in_the_singular()
    {
        var summary = Report(new TableValidation("public.t", TableStatus.Different, 2, 1) { MissingRows = 1 }).Summary;

        Assert.Equal("DIFFERENT: 1 table with differing rows (1 row)", summary);
    }
}
