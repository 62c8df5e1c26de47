using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

public class QuotedNameReportTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_contents_of_a_non_empty_target_are_named_quoted_as_postgresql_quotes_them()
    {
        var source = await server.CreateDatabaseAsync("quoted_src");
        var target = await server.CreateDatabaseAsync("quoted_tgt");
        await Sql.ExecuteAsync(target, """
            CREATE SCHEMA billing;
            CREATE TABLE billing."Invoices" (id int CONSTRAINT "Invoices_pkey" PRIMARY KEY);
            """);

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("index billing.\"Invoices_pkey\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("table billing.\"Invoices\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_progress_names_a_table_in_a_schema_with_a_space_quoted()
    {
        var source = await server.CreateDatabaseAsync("quoted_restore_src");
        await Sql.ExecuteAsync(source, """
            CREATE SCHEMA "Reporting Area";
            CREATE TABLE "Reporting Area"."daily log" (id int);
            INSERT INTO "Reporting Area"."daily log" VALUES (1);
            """);
        var target = await server.CreateDatabaseAsync("quoted_restore_tgt");
        var dump = Path.Combine(Path.GetTempPath(), $"quoted-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        var progress = new RecordingProgress();
        try
        {
            await new DataMigrator().MigrateAsync(new MigrationOptions { Source = dump, Target = target, Jobs = 1 }, progress, CancellationToken.None);
        }
        finally
        {
            File.Delete(dump);
        }

        Assert.Contains("note restoring data of \"Reporting Area\".\"daily log\"", progress.Events);
    }
}
