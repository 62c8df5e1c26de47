using System.Globalization;
using System.Numerics;
using HerokuToCloud.Data.Catalog;
using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Sequences: each one's next value on the target against the source's, and every owned sequence on the
/// target against its column (serial, identity or OWNED BY): if nextval would hand out a value the column
/// already holds, the application's next insert fails, which is the classic forgotten step of a copy.
/// Reading a sequence does not advance it, so the source stays untouched. The reads run on worker sessions,
/// which release each relation's lock when done (<see cref="SnapshotSessions"/>): the coordinator would keep a
/// lock on every sequence and owning table to the end.
/// </summary>
internal static class SequenceValidator
{
    private const uint Int2 = 21, Int4 = 23, Int8 = 20, Numeric = 1700;

    public static async Task<(int Checked, List<SequenceDifference> Differences, List<string> Notes)> ValidateAsync(SnapshotSessions source, SnapshotSessions target, DatabaseCatalog sourceCatalog, DatabaseCatalog targetCatalog, CancellationToken cancellationToken)
    {
        var differences = new List<SequenceDifference>();
        var notes = new List<string>();
        var targetByName = targetCatalog.Sequences.ToDictionary(s => s.DisplayName, StringComparer.Ordinal);
        var sourceByName = sourceCatalog.Sequences.ToDictionary(s => s.DisplayName, StringComparer.Ordinal);
        var count = 0;
        foreach (var sequence in sourceCatalog.Sequences.OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            if (!targetByName.TryGetValue(sequence.DisplayName, out var onTarget))
                continue; // a schema difference already
            count++;
            // One server's read does not wait for the other's.
            var next = await Task.WhenAll(NextValueAsync(source, sequence, cancellationToken), NextValueAsync(target, onTarget, cancellationToken));
            var (sourceNext, targetNext) = (next[0], next[1]);
            if (sourceNext != targetNext)
                differences.Add(new SequenceDifference(sequence.DisplayName, SequenceDifferenceKind.ValueDiffers, Text(sourceNext), Text(targetNext)));
        }

        foreach (var sequence in targetCatalog.Sequences.OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            if (sequence.OwnerTable is null || sequence.OwnerColumnBaseType is not (Int2 or Int4 or Int8 or Numeric))
                continue;
            var (extreme, next) = await ColumnExtremeAndNextValueAsync(target, sequence, cancellationToken);
            if (extreme is null)
                continue;
            if (IsBehind(sequence, extreme.Value, next))
            {
                // The source in the same state is not something the copy got wrong: the copy is faithful,
                // and the verdict stays about the copy, but the collision ahead is worth saying.
                if (sourceByName.TryGetValue(sequence.DisplayName, out var onSource) && onSource.OwnerDisplayName == sequence.OwnerDisplayName &&
                    await ColumnExtremeAndNextValueAsync(source, onSource, cancellationToken) is ({ } sourceExtreme, var sourceNext) &&
                    IsBehind(onSource, sourceExtreme, sourceNext))
                {
                    notes.Add($"sequence {sequence.DisplayName} is behind its column's maximum on the source as well ({sequence.OwnerDisplayName} holds {Text(extreme.Value)}, next value {Text(next)} on the target): " +
                              "the copy is faithful, but the application's next insert into that column would collide; set the sequence past the column's values with setval on the target.");
                    continue;
                }

                differences.Add(new SequenceDifference(sequence.DisplayName, SequenceDifferenceKind.BehindColumnMaximum, null, Text(next))
                {
                    Column = sequence.OwnerDisplayName,
                    ColumnExtreme = Text(extreme.Value),
                });
            }
        }

        return (count, differences, notes);
    }

    private static bool IsBehind(CatalogSequence sequence, BigInteger extreme, BigInteger next) =>
        sequence.Increment > 0 ? next <= extreme : next >= extreme;

    /// <summary>What nextval() would return on <paramref name="side"/>.</summary>
    private static Task<BigInteger> NextValueAsync(SnapshotSessions side, CatalogSequence sequence, CancellationToken cancellationToken) =>
        Query(side, sequence.DisplayName, () => side.WithWorkerAsync(connection => ReadNextValueAsync(connection, sequence, cancellationToken), cancellationToken));

    /// <summary>The owning column's extreme (null for an empty table) and the sequence's next value, read as one piece of work.</summary>
    private static Task<(BigInteger? Extreme, BigInteger Next)> ColumnExtremeAndNextValueAsync(SnapshotSessions side, CatalogSequence sequence, CancellationToken cancellationToken) =>
        Query(side, sequence.DisplayName, () => side.WithWorkerAsync(
            async connection => (await ReadColumnExtremeAsync(connection, sequence, cancellationToken), await ReadNextValueAsync(connection, sequence, cancellationToken)),
            cancellationToken));

    /// <summary>last_value once it has been handed out, else last_value itself.</summary>
    private static async Task<BigInteger> ReadNextValueAsync(NpgsqlConnection connection, CatalogSequence sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT last_value::text, is_called FROM {sequence.QualifiedName}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var last = BigInteger.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
        return reader.GetBoolean(1) ? last + sequence.Increment : last;
    }

    private static async Task<BigInteger?> ReadColumnExtremeAsync(NpgsqlConnection connection, CatalogSequence sequence, CancellationToken cancellationToken)
    {
        // Not ONLY: a sequence owned by a partitioned or parent table serves its partitions too.
        var aggregate = sequence.Increment > 0 ? "max" : "min";
        await using var command = new NpgsqlCommand($"SELECT {aggregate}({Identifier.Quote(sequence.OwnerColumn!)})::text FROM {Identifier.Qualify(sequence.OwnerSchema!, sequence.OwnerTable!)}", connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is string text && BigInteger.TryParse(text.Split('.')[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
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
