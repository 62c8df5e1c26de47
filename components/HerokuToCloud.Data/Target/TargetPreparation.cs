using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>
/// What both ways into a target (a live copy and a backup restore) do before they write to it, in one place
/// so a new check cannot land in only one of them: take the target's lock, learn its version, make sure it
/// can be written, and then decide what its present contents mean.
/// </summary>
public static class TargetPreparation
{
    /// <summary>Locks the target for this run (dispose the lock to release it) and refuses a target that cannot be written.</summary>
    public static async Task<(TargetLock Lock, ServerVersion Version)> ClaimAsync(NpgsqlConnection control, string targetDisplay, CancellationToken cancellationToken)
    {
        var targetLock = await TargetLock.AcquireAsync(control, targetDisplay, cancellationToken);
        try
        {
            var version = await SourceCatalog.ReadVersionAsync(control, cancellationToken);
            await TargetWritability.EnsureWritableAsync(control, targetDisplay, cancellationToken);
            return (targetLock, version);
        }
        catch
        {
            await targetLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Decides what the target's contents mean: with --replace, anything to drop (null: start afresh); an
    /// unfinished run of this same <paramref name="mode"/> and <paramref name="source"/> to go on with (its
    /// record, after ending the sessions it left behind); an empty target (null); or a refusal.
    /// </summary>
    public static async Task<MigrationState.RunRecord?> PrepareContentsAsync(
        NpgsqlConnection control, string mode, string source, string targetDisplay, ServerVersion targetVersion,
        IReadOnlyList<SourceExtension> extensions, bool replace, IDataProgress progress, CancellationToken cancellationToken)
    {
        // Before this run writes, the mark of a copy an earlier run completed goes: what follows is not that copy.
        if (replace)
        {
            await CompletedCopy.ClearAsync(control, cancellationToken);
            progress.Note($"--replace: dropping the contents of {targetDisplay} (the source's extensions it has in their source schema stay)");
            await TargetContents.WipeAsync(control, targetVersion.Major, keepState: false, keepExtensions: extensions, cancellationToken);
            return null;
        }

        var run = await MigrationState.ReadRunAsync(control, cancellationToken);
        if (run is null)
        {
            if (await MigrationState.ExistsAsync(control, cancellationToken))
                await MigrationState.DropAsync(control, cancellationToken);
            await TargetContents.EnsureEmptyAsync(control, targetDisplay, extensions.Select(e => e.Name).ToList(), cancellationToken);
            await CompletedCopy.ClearAsync(control, cancellationToken);
            return null;
        }

        if (run.Mode != mode || !IsSameSource(run.Source, source) || !MigrationState.IsCompatible(run))
            throw new DataMigrationException($"the target {targetDisplay} holds an unfinished {run.Mode} migration from {run.Source}. Rerun that command to resume it, or add --replace to drop it and start over.");
        var ended = await TargetContents.EndLeftoverSessionsAsync(control, cancellationToken);
        if (ended > 0)
            progress.Note($"ended {NounCount.Of(ended, "target session")} left by the interrupted run");
        return run;
    }

    /// <summary>
    /// Whether a run recorded from <paramref name="recorded"/> may be resumed from <paramref name="source"/>
    /// (both as displayed, without a password). A live source is the same database whoever logs in to it:
    /// Heroku rotates a database's credentials (pg:credentials:rotate, maintenance), and a rerun after a
    /// permission error comes with another user; either would otherwise have to start a long copy over.
    /// </summary>
    public static bool IsSameSource(string recorded, string source)
    {
        if (recorded == source)
            return true;
        if (!recorded.StartsWith("postgres://", StringComparison.Ordinal) || !source.StartsWith("postgres://", StringComparison.Ordinal))
            return false;
        try
        {
            var (before, now) = (PostgresEndpoint.Parse(recorded), PostgresEndpoint.Parse(source));
            return string.Equals(before.Host, now.Host, StringComparison.OrdinalIgnoreCase) && before.Port == now.Port && before.Database == now.Database;
        }
        catch (DataMigrationException)
        {
            // A display form that does not read back as a URL (a database name with a space): only the same text matches.
            return false;
        }
    }
}
