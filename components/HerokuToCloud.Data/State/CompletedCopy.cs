using System.Globalization;
using Npgsql;

namespace HerokuToCloud.Data.State;

/// <summary>
/// The mark a finished live copy or backup restore leaves on the target database: its comment names the
/// source (a live copy's database, a restore's <see cref="Backup.BackupIdentity"/>) and when the run finished.
/// A run's progress (<see cref="MigrationState"/>) is dropped when it completes, so without the mark a copy
/// this tool made would look like anyone's content, and running the same command again would refuse the
/// target as not empty. That rerun is common and unattended: a <c>pulumi up</c> interrupted while the
/// migration task or Job ran does not record the step, and the next one runs it again. With the mark such a
/// rerun copies nothing: a live copy is validated again, passing or failing on what it finds; a restore has
/// nothing to validate against and ends as the first run did. Only the same source matches (the mark holds its
/// display form, without a password or a URL's signature); <c>--replace</c> clears the mark before it empties
/// the target, so a half-done replacement is never taken for a copy. Commenting on a database takes its owner:
/// a target user that is not the owner gets no mark (a note says what that means), and everything else works
/// as without it.
/// </summary>
public static class CompletedCopy
{
    private const string Prefix = "heroku2cloud data migrate: complete ";

    /// <summary>What the mark calls a run of each mode (<see cref="Migration.MigrationSummary.Mode"/>).</summary>
    private static readonly (string Mode, string Words, string Rerun)[] Kinds =
    [
        ("live", "live copy of ", "validates it again instead of copying"),
        ("backup", "backup restore of ", "with the same backup restores nothing"),
    ];

    private const string Finished = ", finished ";

    /// <summary>The mode ("live" or "backup"), source and finish time of the run the target database's comment records, or null.</summary>
    public static async Task<(string Mode, string Source, string FinishedAt)?> ReadAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_catalog.shobj_description(d.oid, 'pg_database') FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()", target);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string comment || !comment.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var kind = Kinds.FirstOrDefault(k => comment.AsSpan(Prefix.Length).StartsWith(k.Words, StringComparison.Ordinal));
        if (kind.Mode is null)
            return null;
        var start = Prefix.Length + kind.Words.Length;
        var end = comment.LastIndexOf(Finished, StringComparison.Ordinal);
        if (end < start)
            return null;
        var finishedAt = comment[(end + Finished.Length)..];
        var period = finishedAt.IndexOf(". ", StringComparison.Ordinal);
        return (kind.Mode, comment[start..end], period < 0 ? finishedAt : finishedAt[..period]);
    }

    /// <summary>
    /// Marks the target as a complete copy (<paramref name="mode"/> "live") or restore ("backup") of
    /// <paramref name="source"/>; false when the target user may not comment on the database.
    /// </summary>
    public static Task<bool> TryMarkAsync(NpgsqlConnection target, string mode, string source, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        var kind = Kinds.Single(k => k.Mode == mode);
        return TryCommentAsync(target, $"{Prefix}{kind.Words}{source}{Finished}{finishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC. Rerunning the same heroku2cloud data migrate {kind.Rerun}; --replace copies afresh.", cancellationToken);
    }

    /// <summary>Removes the mark, if the target has one (a comment of anyone else's is left alone).</summary>
    public static async Task ClearAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        if (await ReadAsync(target, cancellationToken) is not null)
            await TryCommentAsync(target, null, cancellationToken);
    }

    private static async Task<bool> TryCommentAsync(NpgsqlConnection target, string? comment, CancellationToken cancellationToken)
    {
        // COMMENT takes no parameters: the server quotes the database name and the text itself.
        string statement;
        await using (var format = new NpgsqlCommand("SELECT format('COMMENT ON DATABASE %I IS %L', pg_catalog.current_database(), @comment)", target))
        {
            format.Parameters.Add(new NpgsqlParameter("comment", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)comment ?? DBNull.Value });
            statement = (string)(await format.ExecuteScalarAsync(cancellationToken))!;
        }

        try
        {
            await using var command = new NpgsqlCommand(statement, target);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }
}
