using System.Net;
using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

public class BackupRestoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<(Connections.PostgresEndpoint Source, string Dump)> BackupAsync(string name)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, TypeZoo.Schema);
        await Sql.ExecuteAsync(source, TypeZoo.Data(500));
        var dump = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        return (source, dump);
    }

    [Fact]
    public async Task A_pg_dump_custom_format_file_restores_in_parallel_into_an_empty_target()
    {
        var (source, dump) = await BackupAsync("file");
        var target = await server.CreateDatabaseAsync("file_tgt");
        try
        {
            var summary = await new DataMigrator().MigrateAsync(new MigrationOptions { Source = dump, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

            Assert.Equal("backup", summary.Mode);
            Assert.Contains(summary.Phases, p => p.Name == "restore");
            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public async Task Nothing_is_written_next_to_the_users_archive()
    {
        // The archive's directory may be read-only (a mounted backup): pg_restore's list file goes to a temporary directory.
        var (source, dump) = await BackupAsync("beside");
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"h2c-archive-{Guid.NewGuid():N}")).FullName;
        var archive = Path.Combine(directory, "latest.dump");
        File.Move(dump, archive);
        var target = await server.CreateDatabaseAsync("beside_tgt");
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var watcher = new FileSystemWatcher(directory) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => created.Add(e.Name ?? "");
        try
        {
            await new DataMigrator().MigrateAsync(new MigrationOptions { Source = archive, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
            Assert.Empty(created);
            Assert.Equal(["latest.dump"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_url_is_downloaded_and_restored_and_its_signature_never_shown()
    {
        // A local plain-http server stands in for the signed HTTPS URL of heroku pg:backups:url: the code path
        // (download to a temporary file with progress, magic check, pg_restore) is the same.
        var (source, dump) = await BackupAsync("url");
        var target = await server.CreateDatabaseAsync("url_tgt");
        using var http = new SingleFileHttpServer(dump);
        var progress = new RecordingProgress();
        var downloadsBefore = Directory.GetFiles(Path.GetTempPath(), "heroku2cloud-backup-*");
        try
        {
            var summary = await new DataMigrator().MigrateAsync(
                new MigrationOptions { Source = http.Url + "?X-Amz-Signature=sig-secret-123", Target = target, Jobs = 2 }, progress, CancellationToken.None);

            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
            Assert.DoesNotContain("sig-secret-123", summary.Source, StringComparison.Ordinal);
            Assert.Contains(summary.Phases, p => p.Name == "download");
            // The download is counted in bytes, never reported as a table whose count would be shown as rows.
            Assert.Contains($"download start backup download {new FileInfo(dump).Length}", progress.Events);
            Assert.Contains($"download finish backup download {new FileInfo(dump).Length}", progress.Events);
            Assert.DoesNotContain(progress.Events, e => e.Contains("backup download", StringComparison.Ordinal) && !e.StartsWith("download ", StringComparison.Ordinal));
            Assert.Subset(downloadsBefore.ToHashSet(), Directory.GetFiles(Path.GetTempPath(), "heroku2cloud-backup-*").ToHashSet());
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public async Task A_download_is_kept_when_the_restore_fails_reused_by_the_rerun_and_deleted_after_it_succeeds()
    {
        var (source, dump) = await BackupAsync("cached");
        var target = await server.CreateDatabaseAsync("cached_tgt");
        await Sql.ExecuteAsync(target, "CREATE TABLE in_the_way (id int)");
        using var http = new SingleFileHttpServer(dump);
        using var cacheRoot = Storage.PrivateDirectory.CreateTemporary("h2c-restore-cache-");
        var cache = new BackupCache(Path.Combine(cacheRoot.Path, "backups"));
        var migrator = new DataMigrator(downloader: new BackupDownloader(cache: cache));
        try
        {
            await Assert.ThrowsAsync<DataMigrationException>(() => migrator.MigrateAsync(
                new MigrationOptions { Source = http.Url + "?X-Amz-Signature=first", Target = target }, new RecordingProgress(), CancellationToken.None));
            var kept = Assert.Single(Directory.GetFiles(cache.Directory, "*.dump"));
            var rerun = new RecordingProgress();

            await migrator.MigrateAsync(new MigrationOptions { Source = http.Url + "?X-Amz-Signature=second", Target = target, Replace = true }, rerun, CancellationToken.None);

            Assert.Contains(rerun.Events, e => e.StartsWith("note reusing the backup an earlier run downloaded", StringComparison.Ordinal));
            Assert.DoesNotContain(rerun.Events, e => e.StartsWith("download start", StringComparison.Ordinal));
            Assert.False(File.Exists(kept));
            // The entry's empty lock file stays (BackupCacheClaim says why); the backup itself is gone.
            Assert.DoesNotContain(Directory.GetFiles(cache.Directory), f => !f.EndsWith(".lock", StringComparison.Ordinal));
            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>The target database's comment, "" without one.</summary>
    private static Task<string> CommentAsync(Connections.PostgresEndpoint target) =>
        Sql.ScalarAsync<string>(target, "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = current_database()");

    [Fact]
    public async Task A_rerun_with_the_same_backup_url_after_a_completed_restore_downloads_and_restores_nothing_and_another_backup_is_refused()
    {
        var (source, dump) = await BackupAsync("url_done");
        var (_, otherDump) = await BackupAsync("url_done_other");
        var target = await server.CreateDatabaseAsync("url_done_tgt");
        using var http = new SingleFileHttpServer(dump);
        using var otherHttp = new SingleFileHttpServer(otherDump) { ETag = "\"fedcba9876543210\"" };
        using var cacheRoot = Storage.PrivateDirectory.CreateTemporary("h2c-done-cache-");
        var migrator = new DataMigrator(downloader: new BackupDownloader(cache: new BackupCache(Path.Combine(cacheRoot.Path, "backups"))));
        try
        {
            var first = await migrator.MigrateAsync(new MigrationOptions { Source = http.Url + "?X-Amz-Signature=first-secret", Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);
            var mark = await CommentAsync(target);
            var rerun = new RecordingProgress();

            var again = await migrator.MigrateAsync(new MigrationOptions { Source = http.Url + "?X-Amz-Signature=second-secret", Target = target, Jobs = 2 }, rerun, CancellationToken.None);

            Assert.Null(first.CopiedEarlier);
            Assert.StartsWith($"heroku2cloud data migrate: complete backup restore of {http.Url} ({new FileInfo(dump).Length} bytes, ETag \"0123456789abcdef\"), finished ", mark, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", mark, StringComparison.Ordinal);
            Assert.NotNull(again.CopiedEarlier);
            Assert.Equal("backup", again.Mode);
            Assert.Empty(again.Tables);
            Assert.Contains(again.Notes, n => n.StartsWith("the target already holds a complete restore of this backup", StringComparison.Ordinal) && n.EndsWith("nothing is downloaded or restored", StringComparison.Ordinal));
            Assert.Contains(again.Notes, n => n.StartsWith("validation skipped: a backup has no live source", StringComparison.Ordinal));
            Assert.DoesNotContain(rerun.Events, e => e.StartsWith("download start", StringComparison.Ordinal) || e.StartsWith("phase restore", StringComparison.Ordinal));
            Assert.DoesNotContain(Directory.GetFiles(Path.Combine(cacheRoot.Path, "backups")), f => !f.EndsWith(".lock", StringComparison.Ordinal));
            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));

            var refused = await Assert.ThrowsAsync<DataMigrationException>(() => migrator.MigrateAsync(new MigrationOptions { Source = otherHttp.Url, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));
            Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
            Assert.Equal(mark, await CommentAsync(target));

            var replaced = await migrator.MigrateAsync(new MigrationOptions { Source = otherHttp.Url, Target = target, Jobs = 2, Replace = true }, new RecordingProgress(), CancellationToken.None);
            Assert.Null(replaced.CopiedEarlier);
            Assert.Contains("ETag \"fedcba9876543210\")", await CommentAsync(target), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dump);
            File.Delete(otherDump);
        }
    }

    [Fact]
    public async Task A_rerun_with_the_same_backup_file_after_a_completed_restore_restores_nothing_and_another_file_is_refused()
    {
        var (source, dump) = await BackupAsync("file_done");
        var (_, otherDump) = await BackupAsync("file_done_other");
        var target = await server.CreateDatabaseAsync("file_done_tgt");
        try
        {
            await new DataMigrator().MigrateAsync(new MigrationOptions { Source = dump, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);
            var rerun = new RecordingProgress();

            var again = await new DataMigrator().MigrateAsync(new MigrationOptions { Source = dump, Target = target, Jobs = 2 }, rerun, CancellationToken.None);

            Assert.StartsWith($"heroku2cloud data migrate: complete backup restore of {dump} ({new FileInfo(dump).Length} bytes, SHA-256 of its first and last MB ", await CommentAsync(target), StringComparison.Ordinal);
            Assert.NotNull(again.CopiedEarlier);
            Assert.DoesNotContain(rerun.Events, e => e.StartsWith("phase restore", StringComparison.Ordinal));
            Assert.Contains(again.Notes, n => n.StartsWith("the target already holds a complete restore of this backup", StringComparison.Ordinal) && n.EndsWith("nothing is restored", StringComparison.Ordinal));
            Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));

            var refused = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = otherDump, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));
            Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dump);
            File.Delete(otherDump);
        }
    }

    [Fact]
    public async Task A_url_that_serves_something_else_or_refuses_is_a_clear_error()
    {
        var target = await server.CreateDatabaseAsync("badurl_tgt");
        var page = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, "<html>AccessDenied</html>");
        try
        {
            using var html = new SingleFileHttpServer(page);
            using var forbidden = new SingleFileHttpServer(page, HttpStatusCode.Forbidden);

            var notDump = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = html.Url, Target = target }, new RecordingProgress(), CancellationToken.None));
            var refused = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = forbidden.Url, Target = target }, new RecordingProgress(), CancellationToken.None));

            Assert.Contains("is not a pg_dump custom-format file", notDump.Message, StringComparison.Ordinal);
            Assert.Contains("HTTP 403", refused.Message, StringComparison.Ordinal);
            Assert.Contains("heroku pg:backups:url", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public async Task A_download_whose_tls_fails_says_why_instead_of_pointing_at_an_inner_exception()
    {
        var target = await server.CreateDatabaseAsync("tlsurl_tgt");
        var page = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, "not TLS");
        try
        {
            // An https URL to a server that answers in plain http: the TLS handshake fails.
            using var plain = new SingleFileHttpServer(page);
            var url = plain.Url.Replace("http://", "https://", StringComparison.Ordinal) + "?X-Amz-Signature=sig-secret-456";

            var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = url, Target = target }, new RecordingProgress(), CancellationToken.None));

            Assert.StartsWith($"cannot download the backup from {url[..url.IndexOf('?', StringComparison.Ordinal)]}: The SSL connection could not be established: ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("inner exception", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("sig-secret-456", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Theory]
    [InlineData("https://xfrtu.s3.amazonaws.com/abc/2024-01-01/b001?X-Amz-Signature=secret", true, "https://xfrtu.s3.amazonaws.com/abc/2024-01-01/b001")]
    [InlineData("http://127.0.0.1:8080/b001.dump", true, "http://127.0.0.1:8080/b001.dump")]
    [InlineData("http://backups.example.com/b001.dump", false, null)]
    public void Https_backup_urls_are_accepted_and_plain_http_only_on_loopback(string url, bool accepted, string? display)
    {
        if (accepted)
        {
            var location = BackupLocation.Parse(url);
            Assert.Equal(display, location.Display);
            Assert.NotNull(location.Url);
        }
        else
        {
            var error = Assert.Throws<DataMigrationException>(() => BackupLocation.Parse(url));
            Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        }
    }
}
