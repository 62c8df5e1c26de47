using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.State;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// A rerun of a migration that completed (an interrupted pulumi up runs the step again) validates the copy
/// instead of refusing the target, and only for the same source.
/// </summary>
public class CompletedCopyTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<(Connections.PostgresEndpoint Source, Connections.PostgresEndpoint Target)> ZooAsync(string name)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, TypeZoo.Schema);
        await Sql.ExecuteAsync(source, TypeZoo.Data(200));
        return (source, await server.CreateDatabaseAsync($"{name}_tgt"));
    }

    /// <summary>The target database's comment, "" without one.</summary>
    private static Task<string> CommentAsync(Connections.PostgresEndpoint target) =>
        Sql.ScalarAsync<string>(target, "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = current_database()");

    [Fact]
    public async Task A_rerun_after_a_completed_copy_copies_nothing_and_validates_the_copy_again()
    {
        var (source, target) = await ZooAsync("done_rerun");
        var options = new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 };
        var migrator = new DataMigrator(new HerokuToCloud.Data.Validation.MigrationValidator(new HerokuToCloud.Data.Validation.ValidationOptions()));
        var first = await migrator.MigrateAsync(options, new RecordingProgress(), CancellationToken.None);
        Assert.True(first.Validation?.Passed);
        Assert.StartsWith($"heroku2cloud data migrate: complete live copy of {source}, finished ", await CommentAsync(target), StringComparison.Ordinal);
        var progress = new RecordingProgress();

        var rerun = await migrator.MigrateAsync(options, progress, CancellationToken.None);

        Assert.NotNull(rerun.CopiedEarlier);
        Assert.Empty(rerun.Tables);
        Assert.DoesNotContain(progress.Events, e => e.StartsWith("phase copy", StringComparison.Ordinal));
        Assert.Contains(progress.Events, e => e.StartsWith("note the target already holds a complete copy of this source", StringComparison.Ordinal));
        Assert.Contains(rerun.Notes, n => n.StartsWith("the target already holds a complete copy of this source", StringComparison.Ordinal));
        Assert.True(rerun.Validation?.Passed);

        // The rerun really compares: a change on the target since makes it fail, and nothing is overwritten.
        await Sql.ExecuteAsync(target, "UPDATE \"Sales Dept\".customers SET name = 'changed' WHERE id = 7");
        var changed = await migrator.MigrateAsync(options, new RecordingProgress(), CancellationToken.None);
        Assert.NotNull(changed.CopiedEarlier);
        Assert.False(changed.Validation?.Passed);
        Assert.Equal("changed", await Sql.ScalarAsync<string>(target, "SELECT name FROM \"Sales Dept\".customers WHERE id = 7"));
    }

    [Fact]
    public async Task A_completed_copy_of_another_source_is_refused_and_replace_copies_afresh()
    {
        var (source, target) = await ZooAsync("done_other");
        var other = await server.CreateDatabaseAsync("done_other_elsewhere");
        await Sql.ExecuteAsync(other, TypeZoo.Schema);
        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(other), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));
        Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith($"heroku2cloud data migrate: complete live copy of {source}, finished ", await CommentAsync(target), StringComparison.Ordinal);

        var replaced = await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(other), Target = target, Jobs = 2, Replace = true }, new RecordingProgress(), CancellationToken.None);

        Assert.Null(replaced.CopiedEarlier);
        Assert.Equal(await DatabaseFingerprint.TakeAsync(other), await DatabaseFingerprint.TakeAsync(target));
        Assert.StartsWith($"heroku2cloud data migrate: complete live copy of {other}, finished ", await CommentAsync(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_removes_the_mark_before_it_empties_the_target()
    {
        // A --replace run killed after emptying the target must not leave a "complete copy" behind it.
        var (source, target) = await ZooAsync("done_replace_stop");
        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, Replace = true, ChunkBytes = 32 * 1024 },
            new RecordingProgress(finished => { if (finished == 1) stop.Cancel(); }), stop.Token));

        Assert.Equal("", await CommentAsync(target));
    }

    [Fact]
    public async Task A_target_user_that_does_not_own_the_database_gets_no_mark_and_no_error()
    {
        var target = await server.CreateDatabaseAsync("done_not_owner");
        await Sql.ExecuteAsync(target, "CREATE ROLE done_not_owner_user LOGIN");
        await using var connection = new NpgsqlConnection((target with { Username = "done_not_owner_user" }).ToNpgsql().ConnectionString);
        await connection.OpenAsync();

        Assert.False(await CompletedCopy.TryMarkAsync(connection, "live", "postgres://heroku.example.com:5432/db", DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Null(await CompletedCopy.ReadAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_tools_own_comment_counts_as_a_mark_and_clearing_leaves_anyone_elses()
    {
        var target = await server.CreateDatabaseAsync("done_comment");
        await Sql.ExecuteAsync(target, "COMMENT ON DATABASE done_comment IS 'orders database, owned by the payments team'");
        await using var connection = new NpgsqlConnection(target.ToNpgsql().ConnectionString);
        await connection.OpenAsync();

        Assert.Null(await CompletedCopy.ReadAsync(connection, CancellationToken.None));
        await CompletedCopy.ClearAsync(connection, CancellationToken.None);
        Assert.Equal("orders database, owned by the payments team", await CommentAsync(target));

        Assert.True(await CompletedCopy.TryMarkAsync(connection, "live", "postgres://it's.example.com:5432/d\"b", new DateTimeOffset(2026, 12, 5, 23, 40, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Equal(("live", "postgres://it's.example.com:5432/d\"b", "2026-12-05 23:40:00 UTC"), await CompletedCopy.ReadAsync(connection, CancellationToken.None));

        // A restore's mark names the backup, whose display form has its own ", " and ". ".
        const string backup = "/data/a, b. c.dump (12 bytes, SHA-256 of its first and last MB 00ff)";
        Assert.True(await CompletedCopy.TryMarkAsync(connection, "backup", backup, new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero), CancellationToken.None));
        Assert.Equal(("backup", backup, "2026-12-06 01:02:03 UTC"), await CompletedCopy.ReadAsync(connection, CancellationToken.None));
    }
}
