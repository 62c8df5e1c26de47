namespace HerokuToCloud.Data.Schema;

/// <summary>One post-data statement group from the source's dump (an index, a constraint, a trigger …) in dump order.</summary>
public sealed record PostDataItem(int Ordinal, PostDataWave Wave, string Kind, string Name, string? Table, string Sql);

/// <summary>
/// When a post-data item may run. Waves run one after another; inside the parallel waves items run on
/// several connections at once. Indexes and unique/primary-key constraints come before the partition index
/// attachments that need them, and those before foreign keys, which need the referenced unique indexes.
/// Everything else (triggers, rules, policies, materialized view refreshes …) runs last in dump order.
/// </summary>
public enum PostDataWave
{
    IndexesAndConstraints = 1,
    IndexAttachments = 2,
    ForeignKeys = 3,
    Remaining = 4,
}
