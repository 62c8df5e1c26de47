namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Post-data items that run one after another on one connection (the constraints of one table, or a single
/// index), with the tables they lock. PostgreSQL serialises statements whose locks conflict: an index build
/// takes a SHARE lock on its table, which other index builds on it share; adding a constraint takes a lock
/// that excludes those and itself (ACCESS EXCLUSIVE, or SHARE ROW EXCLUSIVE on both tables of a foreign key).
/// A lane started while a conflicting one runs would only wait, holding a connection idle.
/// </summary>
public sealed class PostDataLane
{
    private readonly Dictionary<string, bool> claims = new(StringComparer.Ordinal);

    public PostDataLane(IReadOnlyList<PostDataItem> items, IReadOnlyDictionary<string, long> sizes)
    {
        Items = items;
        foreach (var item in items)
        {
            if (PostDataScript.RelationOf(item.Sql) is not { } relation)
                continue;
            Size += sizes.GetValueOrDefault(relation);
            Claim(relation, exclusive: item.Kind != "INDEX");
            if (PostDataScript.ReferencedRelationOf(item.Sql) is { } referenced)
                Claim(referenced, exclusive: true);
        }
    }

    public IReadOnlyList<PostDataItem> Items { get; }

    /// <summary>Loaded bytes of the tables the lane builds on: the larger, the earlier it should start.</summary>
    public long Size { get; }

    /// <summary>The tables the lane locks, and whether exclusively (true) or shared with other index builds (false).</summary>
    public IReadOnlyDictionary<string, bool> Claims => claims;

    /// <summary>Whether the lane would wait for a lock held by one of <paramref name="running"/>.</summary>
    public bool ConflictsWith(IEnumerable<PostDataLane> running) =>
        running.Any(other => claims.Any(c => other.claims.TryGetValue(c.Key, out var exclusive) && (exclusive || c.Value)));

    private void Claim(string relation, bool exclusive) =>
        claims[relation] = exclusive || claims.GetValueOrDefault(relation);
}
