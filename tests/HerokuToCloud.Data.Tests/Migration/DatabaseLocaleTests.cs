using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using DataValidator = HerokuToCloud.Data.Validation.DataValidator;
using MigrationValidator = HerokuToCloud.Data.Validation.MigrationValidator;
using ValidationOptions = HerokuToCloud.Data.Validation.ValidationOptions;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// The test server's databases are UTF8 with C.UTF-8; a target created otherwise either cannot hold the
/// source's text (another encoding) or sorts it differently (another collation).
/// </summary>
public class DatabaseLocaleTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<Connections.PostgresEndpoint> SourceAsync(string name)
    {
        var source = await server.CreateDatabaseAsync(name);
        await Sql.ExecuteAsync(source, "CREATE TABLE public.names (id int PRIMARY KEY, name text NOT NULL); INSERT INTO public.names VALUES (1, 'apple'), (2, 'Zebra'), (3, 'Ärger');");
        return source;
    }

    [Fact]
    public async Task A_target_with_another_collation_is_copied_exactly_and_both_migrate_and_validate_say_it_sorts_differently()
    {
        var source = await SourceAsync("collate_src");
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE DATABASE collate_tgt LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        var target = server.Endpoint("collate_tgt");
        var progress = new RecordingProgress();

        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, progress, CancellationToken.None);

        Assert.True(summary.Validation!.Passed, summary.Validation.Summary);
        Assert.Contains(progress.Events, e => e.StartsWith("note the target database sorts and classifies text differently from the source (source: libc, LC_COLLATE C.UTF-8, LC_CTYPE C.UTF-8; target: libc, LC_COLLATE C, LC_CTYPE C)", StringComparison.Ordinal));
        var report = await DataValidator.ValidateAsync(source, target, new ValidationOptions(), new RecordingProgress(), CancellationToken.None);
        Assert.True(report.Identical);
        Assert.Contains(report.Notes, n => n.Contains("LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0", StringComparison.Ordinal));

        var same = await server.CreateDatabaseAsync("collate_same_tgt");
        var quiet = new RecordingProgress();
        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = same, Jobs = 1 }, quiet, CancellationToken.None);
        Assert.DoesNotContain(quiet.Events, e => e.Contains("sorts and classifies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_whose_locale_is_spelled_with_another_codeset_name_is_not_said_to_sort_differently()
    {
        // C.UTF-8 and C.utf8 are one glibc locale, as are Heroku's en_US.UTF-8 and the postgres image's en_US.utf8.
        var source = await SourceAsync("spelling_src");
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE DATABASE spelling_tgt LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8' TEMPLATE template0");
        var target = server.Endpoint("spelling_tgt");
        var progress = new RecordingProgress();

        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, progress, CancellationToken.None);

        Assert.DoesNotContain(progress.Events, e => e.Contains("sorts and classifies", StringComparison.Ordinal));
        var report = await DataValidator.ValidateAsync(source, target, new ValidationOptions(), new RecordingProgress(), CancellationToken.None);
        Assert.DoesNotContain(report.Notes, n => n.Contains("sorts and classifies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_whose_encoding_cannot_hold_the_sources_text_is_refused_before_anything_is_written()
    {
        var source = await SourceAsync("latin1_src");
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE DATABASE latin1_tgt ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        var target = server.Endpoint("latin1_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("stores text as LATIN1, the source as UTF8", error.Message, StringComparison.Ordinal);
        Assert.Contains("ENCODING 'UTF8'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relname = 'names'"));
    }

    [Fact]
    public async Task A_backup_whose_encoding_the_target_cannot_hold_is_refused_before_anything_is_written()
    {
        var source = await SourceAsync("latin1_backup_src");
        await Sql.ExecuteAsync(source, "INSERT INTO public.names VALUES (4, '10 €')");
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE DATABASE latin1_backup_tgt ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        var target = server.Endpoint("latin1_backup_tgt");
        var dump = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        try
        {
            var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(new MigrationOptions { Source = dump, Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

            Assert.Contains("stores text as LATIN1, the source as UTF8", error.Message, StringComparison.Ordinal);
            Assert.Contains("CREATE DATABASE name ENCODING 'UTF8' TEMPLATE template0", error.Message, StringComparison.Ordinal);
            Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relname = 'names'"));
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
