namespace HerokuToCloud.Data.Validation;

/// <summary>How an object's description differs between the two databases.</summary>
public enum SchemaDifferenceKind
{
    /// <summary>The source has the object, the target does not.</summary>
    MissingOnTarget,

    /// <summary>The target has an object the source does not.</summary>
    ExtraOnTarget,

    /// <summary>Both have it; one attribute (type, default, definition, …) differs.</summary>
    Differs,
}

/// <summary>One schema difference, named by object.</summary>
/// <param name="ObjectKind">schema, extension, table, column, index, constraint, sequence, type, function, trigger, policy or rule.</param>
/// <param name="Object">The object's schema-qualified name (a column, constraint, trigger, policy or rule is schema.table.name); a name part is quoted when it is not plain lower case, as in <c>"Mixed Case".orders</c>.</param>
/// <param name="Difference">What differs.</param>
/// <param name="Attribute">For <see cref="SchemaDifferenceKind.Differs"/>: the attribute that differs.</param>
/// <param name="Source">The source's value of the attribute (null when the source lacks it).</param>
/// <param name="Target">The target's value of the attribute (null when the target lacks it).</param>
public sealed record SchemaDifference(string ObjectKind, string Object, SchemaDifferenceKind Difference, string? Attribute = null, string? Source = null, string? Target = null)
{
    public override string ToString() => Difference switch
    {
        SchemaDifferenceKind.MissingOnTarget => $"{ObjectKind} {Object}: missing on the target",
        SchemaDifferenceKind.ExtraOnTarget => $"{ObjectKind} {Object}: only on the target",
        _ => $"{ObjectKind} {Object}: {Attribute} differs (source: {Source ?? "none"}; target: {Target ?? "none"})",
    };
}
