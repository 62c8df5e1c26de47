using HerokuToCloud.Data.Catalog;
using System.Globalization;
using System.Numerics;
using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Sequences: each one's next value on the target against the source's, and every owned sequence on the
/// target against its column (serial, identity or OWNED BY): if nextval would hand out a value the column
/// already holds, the application's next insert fails, which is the classic forgotten step of a copy.
/// Reading a sequence does not advance it, so the source stays untouched.
/// </summary>
internal static class SequenceValidator
{
    private const uint Int2 = 21, Int4 = 23, Int8 = 20, Numeric = 1700;

    public static async Task<(int Checked, List<SequenceDifference> Differences)> ValidateAsync(SnapshotSessions source, SnapshotSessions target, DatabaseCatalog sourceCatalog, DatabaseCatalog targetCatalog, CancellationToken cancellationToken)
    {
        var differences = new List<SequenceDifference>();
        var targetByName = targetCatalog.Sequences.ToDictionary(s => s.DisplayName, StringComparer.Ordinal);
        var count = 0;
        foreach (var sequence in sourceCatalog.Sequences.OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            if (!targetByName.TryGetValue(sequence.DisplayName, out var onTarget))
                continue; // a schema difference already
            count++;
            var sourceNext = await NextValueAsync(source, sequence, cancellationToken);
            var targetNext = await NextValueAsync(target, onTarget, cancellationToken);
            if (sourceNext != targetNext)
                differences.Add(new SequenceDifference(sequence.DisplayName, SequenceDifferenceKind.ValueDiffers, Text(sourceNext), Text(targetNext)));
        }

        foreach (var sequence in targetCatalog.Sequences.OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            if (sequence.OwnerTable is null || sequence.OwnerColumnBaseType is not (Int2 or Int4 or Int8 or Numeric))
                continue;
            var extreme = await ColumnExtremeAsync(target, sequence, cancellationToken);
            if (extreme is null)
                continue;
            var next = await NextValueAsync(target, sequence, cancellationToken);
            var behind = sequence.Increment > 0 ? next <= extreme : next >= extreme;
            if (behind)
            {
                differences.Add(new SequenceDifference(sequence.DisplayName, SequenceDifferenceKind.BehindColumnMaximum, null, Text(next))
                {
                    Column = sequence.OwnerDisplayName,
                    ColumnExtreme = Text(extreme.Value),
                });
            }
        }

        return (count, differences);
    }

    /// <summary>What nextval() would return: last_value once it has been handed out, else last_value itself.</summary>
    private static async Task<BigInteger> NextValueAsync(SnapshotSessions side, CatalogSequence sequence, CancellationToken cancellationToken)
    {
        var sql = $"SELECT last_value::text, is_called FROM {sequence.QualifiedName}";
        return await Query(side, sequence.DisplayName, async () =>
        {
            await using var command = new NpgsqlCommand(sql, side.Coordinator);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var last = BigInteger.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            return reader.GetBoolean(1) ? last + sequence.Increment : last;
        });
    }

    private static async Task<BigInteger?> ColumnExtremeAsync(SnapshotSessions side, CatalogSequence sequence, CancellationToken cancellationToken)
    {
        // Not ONLY: a sequence owned by a partitioned or parent table serves its partitions too.
        var aggregate = sequence.Increment > 0 ? "max" : "min";
        var sql = $"SELECT {aggregate}({Identifier.Quote(sequence.OwnerColumn!)})::text FROM {Identifier.Qualify(sequence.OwnerSchema!, sequence.OwnerTable!)}";
        return await Query(side, sequence.DisplayName, async () =>
        {
            await using var command = new NpgsqlCommand(sql, side.Coordinator);
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is string text && BigInteger.TryParse(text.Split('.')[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : (BigInteger?)null;
        });
    }

    private static async Task<T> Query<T>(SnapshotSessions side, string sequence, Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (PostgresException ex)
        {
            throw new DataMigrationException($"reading sequence {sequence} failed on the {side.Name} database {side.Endpoint}: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
        }
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
