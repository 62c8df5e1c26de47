using System.Globalization;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Everything <see cref="DataValidator"/> found: schema differences by object, each table's row counts and
/// differing rows by key, sequence and large-object differences, and notes that are not differences.
/// <see cref="Identical"/> is the verdict; <see cref="ValidationReportJson"/> writes the stable JSON form.
/// </summary>
public sealed record ValidationReport
{
    /// <summary>The source address without its password.</summary>
    public required string Source { get; init; }

    /// <summary>The target address without its password.</summary>
    public required string Target { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public IReadOnlyList<SchemaDifference> SchemaDifferences { get; init; } = [];

    /// <summary>Every table of either side, ordered by name. A table on one side only is <see cref="TableStatus.NotCompared"/> and also a schema difference.</summary>
    public IReadOnlyList<TableValidation> Tables { get; init; } = [];

    public int SequencesChecked { get; init; }

    public IReadOnlyList<SequenceDifference> SequenceDifferences { get; init; } = [];

    /// <summary>Null when neither side has large objects.</summary>
    public LargeObjectValidation? LargeObjects { get; init; }

    /// <summary>Observations that are not differences (an extension version, a table whose content cannot be compared).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether column values of changed rows are shown.</summary>
    public bool ValuesShown { get; init; } = true;

    public bool Identical =>
        SchemaDifferences.Count == 0 &&
        Tables.All(t => t.Status != TableStatus.Different) &&
        SequenceDifferences.Count == 0 &&
        (LargeObjects?.Identical ?? true);

    public int TablesDifferent => Tables.Count(t => t.Status == TableStatus.Different);

    /// <summary>One line: the verdict and the counts behind it.</summary>
    public string Summary
    {
        get
        {
            var rows = Tables.Sum(t => t.SourceRows);
            var compared = Tables.Count(t => t.Status != TableStatus.NotCompared);
            if (Identical)
                return string.Create(CultureInfo.InvariantCulture, $"identical: {NounCount.Of(compared, "table")}, {NounCount.Of(rows, "row")}, {NounCount.Of(SequencesChecked, "sequence")}{(LargeObjects is null ? "" : $", {NounCount.Of(LargeObjects.SourceCount, "large object")}")} in {Duration.TotalSeconds:0.0} s");

            var parts = new List<string>();
            if (SchemaDifferences.Count > 0)
                parts.Add(NounCount.Of(SchemaDifferences.Count, "schema difference"));
            if (TablesDifferent > 0)
                parts.Add($"{NounCount.Of(TablesDifferent, "table")} with differing rows ({NounCount.Of(Tables.Sum(t => t.DifferingRows), "row")})");
            if (SequenceDifferences.Count > 0)
                parts.Add(NounCount.Of(SequenceDifferences.Count, "sequence difference"));
            if (LargeObjects is { Identical: false } lo)
                parts.Add(NounCount.Of(lo.Missing + lo.Extra + lo.Changed, "large object difference"));
            return "DIFFERENT: " + string.Join(", ", parts);
        }
    }
}
