namespace HerokuToCloud.Data.Validation;

/// <summary>What is wrong with one row on the target.</summary>
public enum RowDifferenceKind
{
    /// <summary>The source has the row, the target does not.</summary>
    Missing,

    /// <summary>The target has a row the source does not.</summary>
    Extra,

    /// <summary>Both have the key; some column differs.</summary>
    Changed,
}

/// <summary>
/// One differing row. A table with a primary key names it by <see cref="Key"/> (column = value pairs in key
/// order); a table without one names it by content (<see cref="Row"/>) and by its ctid on the side(s) that
/// hold it, since a ctid means nothing on the other server.
/// </summary>
public sealed record RowDifference(RowDifferenceKind Kind, IReadOnlyList<KeyValue> Key)
{
    public string? SourceCtid { get; init; }

    public string? TargetCtid { get; init; }

    /// <summary>The row's text form (truncated) for a table without a primary key; null when values are hidden.</summary>
    public string? Row { get; init; }

    /// <summary>For <see cref="RowDifferenceKind.Changed"/>: the columns whose values differ.</summary>
    public IReadOnlyList<ColumnDifference> Columns { get; init; } = [];

    /// <summary>"id=42, region=eu" or "ctid (0,7)"; a key value that would not read back from that form is quoted (<c>name=''</c>, <c>name='a, b=c'</c>).</summary>
    public string DisplayKey => Key.Count > 0
        ? string.Join(", ", Key.Select(k => $"{k.Column}={DisplayValue(k.Value)}"))
        : string.Join(", ", new[] { SourceCtid is null ? null : $"source ctid {SourceCtid}", TargetCtid is null ? null : $"target ctid {TargetCtid}" }.Where(s => s is not null));

    // Bare values keep the common keys (numbers, uuids, dates, plain words) as they were; an empty string
    // would otherwise print as nothing, and a comma or '=' would make one key read as several.
    private static string DisplayValue(string value) =>
        value.Length == 0 || value.Trim() != value || value.Any(c => c is ',' or '=' or '\'' || char.IsControl(c))
            ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
            : value;
}

/// <summary>A key column and its value in text form.</summary>
public sealed record KeyValue(string Column, string Value);

/// <summary>A column of a changed row; values are the text forms (truncated), null for SQL NULL or when values are hidden.</summary>
public sealed record ColumnDifference(string Column, string? Source, string? Target);
