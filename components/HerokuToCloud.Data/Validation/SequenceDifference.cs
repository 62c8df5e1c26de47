namespace HerokuToCloud.Data.Validation;

/// <summary>What is wrong with a sequence on the target.</summary>
public enum SequenceDifferenceKind
{
    /// <summary>nextval would return a different number on the target than on the source.</summary>
    ValueDiffers,

    /// <summary>nextval on the target would return a value its owning column already holds: the next insert collides.</summary>
    BehindColumnMaximum,
}

/// <summary>One sequence difference. Values are what the next nextval() would return.</summary>
public sealed record SequenceDifference(string Sequence, SequenceDifferenceKind Difference, string? SourceNextValue, string TargetNextValue)
{
    /// <summary>The owning column (schema.table.column) for <see cref="SequenceDifferenceKind.BehindColumnMaximum"/>.</summary>
    public string? Column { get; init; }

    /// <summary>The column's maximum on the target (its minimum for a descending sequence).</summary>
    public string? ColumnExtreme { get; init; }

    public override string ToString() => Difference == SequenceDifferenceKind.ValueDiffers
        ? $"sequence {Sequence}: next value {TargetNextValue} on the target, {SourceNextValue} on the source"
        : $"sequence {Sequence}: sequence behind its column's maximum ({Column} holds {ColumnExtreme}, next value {TargetNextValue})";
}
