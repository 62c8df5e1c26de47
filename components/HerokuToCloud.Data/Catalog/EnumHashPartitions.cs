using Npgsql;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Partition trees whose rows may sit in different partitions on the target than on the source: trees
/// with a table hash-partitioned on an enum. An enum value hashes by its OID, which each database assigns
/// afresh, so a row from the source's partition <c>p1</c> can belong in <c>p2</c> on the target, and writing
/// it into <c>p1</c> there fails the partition constraint. Such rows are loaded through the tree's root, which
/// routes each to its partition on the target (what pg_dump does for these trees), and such a tree is compared
/// as a whole at its root rather than partition by partition. The test is pg_dump's: a partition key
/// using the hash operator class <c>enum_ops</c>.
/// </summary>
public static class EnumHashPartitions
{
    /// <summary>A relation of such a tree (its root, partitioned tables and leaves) and the tree's topmost table.</summary>
    public sealed record Member(uint Relation, uint Root, string RootSchema, string RootName);

    public static async Task<IReadOnlyDictionary<uint, Member>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH RECURSIVE tree(relid, root) AS (
                SELECT c.oid, c.oid FROM pg_catalog.pg_class c WHERE c.relkind = 'p' AND NOT c.relispartition
                UNION ALL
                SELECT i.inhrelid, tree.root FROM tree JOIN pg_catalog.pg_inherits i ON i.inhparent = tree.relid
            ),
            enum_hash AS (
                SELECT o.oid FROM pg_catalog.pg_opclass o JOIN pg_catalog.pg_am a ON a.oid = o.opcmethod
                WHERE o.opcname = 'enum_ops' AND o.opcnamespace = 'pg_catalog'::pg_catalog.regnamespace AND a.amname = 'hash'
            )
            SELECT tree.relid, tree.root, n.nspname, r.relname
            FROM tree
            JOIN pg_catalog.pg_class r ON r.oid = tree.root
            JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace
            WHERE tree.root IN (
                SELECT t.root FROM tree t JOIN pg_catalog.pg_partitioned_table p ON p.partrelid = t.relid
                WHERE p.partstrat = 'h' AND (SELECT oid FROM enum_hash) = ANY (p.partclass::pg_catalog.oid[]))
            """;
        var members = new Dictionary<uint, Member>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var member = new Member(reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1), reader.GetString(2), reader.GetString(3));
            members[member.Relation] = member;
        }

        return members;
    }
}
