using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// Columns of the reg* types (regclass, regtype …) hold the OID of a catalog object. Their binary send form
/// is that bare OID, which names a different object (or none) on the target, where the restored schema got
/// new OIDs; their text form names the object, as pg_dump copies them.
/// </summary>
public class ObjectReferenceColumnTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Schema = """
        CREATE SCHEMA app;
        CREATE TYPE app.mood AS ENUM ('sad', 'happy');
        CREATE TABLE app.users (id int PRIMARY KEY);
        CREATE FUNCTION app.greet(int) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE TEXT SEARCH CONFIGURATION app.words (COPY = pg_catalog.english);
        CREATE COLLATION app.bytes FROM "C";
        CREATE DOMAIN app.table_ref AS regclass;
        CREATE TABLE app.refs (
            id int PRIMARY KEY,
            tbl regclass, typ regtype, nsp regnamespace, rol regrole, fn regproc, fn_sig regprocedure,
            op regoperator, cfg regconfig, dict regdictionary, coll regcollation,
            tbls regclass[], typs regtype[], dom app.table_ref);
        INSERT INTO app.refs VALUES
            (1, 'app.users', 'app.mood', 'app', 'postgres', 'app.greet', 'app.greet(int)',
             '+(int4,int4)', 'app.words', 'simple', 'app.bytes',
             ARRAY['app.users'::regclass, 'pg_class'], ARRAY['app.mood'::regtype, 'app.mood[]', 'int4'], 'app.users'),
            (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        """;

    private const string Rows = "SELECT string_agg(r::text, ' ; ' ORDER BY id) FROM app.refs r";

    [Fact]
    public async Task Object_reference_columns_name_the_same_objects_on_the_target_and_validate()
    {
        var source = await server.CreateDatabaseAsync("regrefs_src");
        var target = await server.CreateDatabaseAsync("regrefs_tgt");
        await Sql.ExecuteAsync(source, Schema);
        // A source whose search_path shows app unqualified: the values must still arrive naming app's objects.
        await Sql.ExecuteAsync(source, "ALTER DATABASE regrefs_src SET search_path = app, public");

        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        Assert.Equal("text", summary.Tables.Single(t => t.Name == "app.refs").Format);
        await Sql.ExecuteAsync(source, "ALTER DATABASE regrefs_src RESET search_path");
        var expected = await Sql.ScalarAsync<string>(source, Rows);
        Assert.Contains("app.users", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await Sql.ScalarAsync<string>(target, Rows));
    }
}
