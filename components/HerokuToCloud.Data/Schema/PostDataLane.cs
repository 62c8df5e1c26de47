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
    private readonly HashSet<string> builds = new(StringComparer.Ordinal);
    private readonly HashSet<string> needs = new(StringComparer.Ordinal);

    public PostDataLane(IReadOnlyList<PostDataItem> items, IReadOnlyDictionary<string, long> sizes)
    {
        Items = items;
        foreach (var item in items)
        {
            if (PostDataScript.CallsQualifiedFunction(item.Sql))
                MayRunDuringCopy = false;
            if (PostDataScript.RelationOf(item.Sql) is not { } relation)
            {
                MayRunDuringCopy = false;
                continue;
            }

            Size += sizes.GetValueOrDefault(relation);
            Claim(relation, exclusive: item.Kind != "INDEX");
            if (item.Wave == PostDataWave.IndexesAndConstraints)
                builds.Add(relation);
            if (PostDataScript.ReferencedRelationOf(item.Sql) is { } referenced)
            {
                Claim(referenced, exclusive: true);
                needs.Add(referenced);
            }
            else if (item.Wave == PostDataWave.ForeignKeys)
            {
                NeedsEverythingBuilt = true;
                MayRunDuringCopy = false;
            }
        }
    }

    public IReadOnlyList<PostDataItem> Items { get; }

    /// <summary>Loaded bytes of the tables the lane builds on: the larger, the earlier it should start.</summary>
    public long Size { get; }

    /// <summary>The tables the lane locks, and whether exclusively (true) or shared with other index builds (false).</summary>
    public IReadOnlyDictionary<string, bool> Claims => claims;

    /// <summary>Tables the lane builds indexes or key constraints on.</summary>
    public IReadOnlySet<string> Builds => builds;

    /// <summary>Tables the lane's foreign keys reference: their keys and indexes must be built first.</summary>
    public IReadOnlySet<string> Needs => needs;

    /// <summary>
    /// A foreign key whose referenced table could not be read from its statement: it waits until every key and
    /// index is built, as all foreign keys once did, rather than risk running before its table's key exists.
    /// </summary>
    public bool NeedsEverythingBuilt { get; }

    /// <summary>
    /// Whether the lane touches only the tables it locks, so it may run once those are loaded while the copy goes on:
    /// not when a statement's table cannot be read from it, nor when it calls a function that could read any table.
    /// </summary>
    public bool MayRunDuringCopy { get; } = true;

    /// <summary>Whether the lane would wait for a lock held by one of <paramref name="running"/>.</summary>
    public bool ConflictsWith(IEnumerable<PostDataLane> running) =>
        running.Any(other => claims.Any(c => other.claims.TryGetValue(c.Key, out var exclusive) && (exclusive || c.Value)));

    private void Claim(string relation, bool exclusive) =>
        claims[relation] = exclusive || claims.GetValueOrDefault(relation);
}
