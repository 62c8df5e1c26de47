namespace HerokuToCloud.Data.Validation;

/// <summary>Large objects (pg_largeobject) compared by OID and content checksum.</summary>
public sealed record LargeObjectValidation(long SourceCount, long TargetCount, long Missing, long Extra, long Changed)
{
    /// <summary>The first differing large objects (capped), by OID.</summary>
    public IReadOnlyList<LargeObjectDifference> Listed { get; init; } = [];

    public bool Identical => Missing == 0 && Extra == 0 && Changed == 0;
}

/// <summary>A large object missing on the target, extra on it, or with different bytes.</summary>
public sealed record LargeObjectDifference(uint Oid, RowDifferenceKind Kind);
