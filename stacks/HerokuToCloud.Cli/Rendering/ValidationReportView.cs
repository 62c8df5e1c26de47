using System.Globalization;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.Validation;
using Spectre.Console;

namespace HerokuToCloud.Cli.Rendering;

/// <summary>
/// The human form of a validation report: what was compared, every schema difference by object, each
/// differing table with its totals and the first differing rows by key, sequences, large objects, notes,
/// and the verdict last. On a terminal it is coloured with Spectre.Console; otherwise plain text, the same
/// words, so logs and CI output read the same.
/// </summary>
internal static class ValidationReportView
{
    private enum Tone
    {
        Heading,
        Good,
        Bad,
        Plain,
        Dim,
    }

    private sealed record Line(int Indent, string Text, Tone Tone);

    public static void Write(ValidationReport report, bool terminal)
    {
        var lines = Lines(report);
        if (terminal)
        {
            foreach (var line in lines)
            {
                var text = new string(' ', line.Indent * 2) + Markup.Escape(line.Text);
                AnsiConsole.MarkupLine(line.Tone switch
                {
                    Tone.Heading => $"[bold]{text}[/]",
                    Tone.Good => $"[green]{text}[/]",
                    Tone.Bad => $"[red]{text}[/]",
                    Tone.Dim => $"[grey]{text}[/]",
                    _ => text,
                });
            }
        }
        else
        {
            foreach (var line in lines)
                Console.Out.WriteLine(new string(' ', line.Indent * 2) + line.Text);
        }
    }

    /// <summary>The report as plain text, as it prints when stdout is not a terminal.</summary>
    public static string ToText(ValidationReport report) =>
        string.Join(Environment.NewLine, Lines(report).Select(l => new string(' ', l.Indent * 2) + l.Text)) + Environment.NewLine;

    private static List<Line> Lines(ValidationReport report)
    {
        var lines = new List<Line>
        {
            new(0, "Data validation", Tone.Heading),
            new(1, "source: " + report.Source, Tone.Plain),
            new(1, "target: " + report.Target, Tone.Plain),
            new(0, "", Tone.Plain),
        };

        lines.Add(new(0, report.SchemaDifferences.Count == 0 ? "Schema: identical" : $"Schema: {NounCount.Of(report.SchemaDifferences.Count, "difference")}", report.SchemaDifferences.Count == 0 ? Tone.Good : Tone.Bad));
        foreach (var difference in report.SchemaDifferences)
            lines.Add(new(1, difference.ToString(), Tone.Plain));

        var compared = report.Tables.Where(t => t.Status != TableStatus.NotCompared).ToList();
        lines.Add(new(
            0,
            $"Tables: {compared.Count:N0} compared, {report.TablesDifferent:N0} different; {NounCount.Of(compared.Sum(t => t.SourceRows), "row")} on the source, {compared.Sum(t => t.TargetRows):N0} on the target",
            report.TablesDifferent == 0 ? Tone.Good : Tone.Bad));
        foreach (var table in report.Tables.Where(t => t.Status != TableStatus.Identical))
            AddTable(lines, table);
        foreach (var table in report.Tables.Where(t => t.Status == TableStatus.Identical && t.Reason is not null))
            lines.Add(new(1, $"{table.Table}: identical on the columns both sides have ({table.Reason})", Tone.Dim));

        lines.Add(new(0, $"Sequences: {report.SequencesChecked:N0} checked, {NounCount.Of(report.SequenceDifferences.Count, "difference")}", report.SequenceDifferences.Count == 0 ? Tone.Good : Tone.Bad));
        foreach (var sequence in report.SequenceDifferences)
            lines.Add(new(1, sequence.ToString(), Tone.Plain));

        if (report.LargeObjects is { } lo)
        {
            lines.Add(new(
                0,
                lo.Identical
                    ? $"Large objects: {lo.SourceCount:N0} on the source, {lo.TargetCount:N0} on the target, identical"
                    : $"Large objects: {lo.SourceCount:N0} on the source, {lo.TargetCount:N0} on the target; {lo.Missing:N0} missing, {lo.Extra:N0} extra, {lo.Changed:N0} changed",
                lo.Identical ? Tone.Good : Tone.Bad));
            foreach (var item in lo.Listed)
                lines.Add(new(1, $"{Word(item.Kind)} large object {item.Oid}", Tone.Plain));
        }

        if (report.Notes.Count > 0)
        {
            lines.Add(new(0, "Notes:", Tone.Heading));
            foreach (var note in report.Notes)
                lines.Add(new(1, note, Tone.Dim));
        }

        lines.Add(new(0, "", Tone.Plain));
        lines.Add(new(0, report.Summary, report.Identical ? Tone.Good : Tone.Bad));
        // Table names and row values may hold newlines; each line of the report stays one line.
        return [.. lines.Select(l => l with { Text = OneLine.Of(l.Text) })];
    }

    private static void AddTable(List<Line> lines, TableValidation table)
    {
        if (table.Status == TableStatus.NotCompared)
        {
            lines.Add(new(1, $"{table.Table}: not compared ({table.Reason})", Tone.Dim));
            return;
        }

        var atLeast = table.TotalsExact ? "" : "at least ";
        lines.Add(new(
            1,
            string.Create(CultureInfo.InvariantCulture, $"{table.Table}: {atLeast}{table.MissingRows:N0} missing, {atLeast}{table.ExtraRows:N0} extra, {atLeast}{table.ChangedRows:N0} changed (source {NounCount.Of(table.SourceRows, "row")}, target {table.TargetRows:N0})"),
            Tone.Bad));
        if (table.KeyColumns.Count == 0)
            lines.Add(new(2, "no primary key: rows are matched by content and shown with their ctid", Tone.Dim));
        if (table.Reason is not null)
            lines.Add(new(2, table.Reason, Tone.Dim));

        foreach (var row in table.Rows)
        {
            var text = $"{Word(row.Kind),-8} {row.DisplayKey}";
            if (row.Row is not null)
                text += "  " + row.Row;
            // Both values null means they are hidden (NULL on both sides would not differ).
            if (row.Columns.Count > 0)
                text += "  " + string.Join("; ", row.Columns.Select(c => c.Source is null && c.Target is null ? c.Column : $"{c.Column}: {Value(c.Source)} → {Value(c.Target)}"));
            lines.Add(new(2, text, Tone.Plain));
        }

        var unlisted = table.DifferingRows - table.Rows.Count;
        if (unlisted > 0 && table.Rows.Count > 0)
            lines.Add(new(2, string.Create(CultureInfo.InvariantCulture, $"… {atLeast}{unlisted:N0} more not listed (raise --max-rows to see more)"), Tone.Dim));
    }

    private static string Value(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Word(RowDifferenceKind kind) => kind switch
    {
        RowDifferenceKind.Missing => "missing",
        RowDifferenceKind.Extra => "extra",
        _ => "changed",
    };
}
