using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// Table a."b.c" (schema a) and table "a.b".c (schema a.b) both read "a.b.c" when their names are joined
/// with bare dots, and so do their columns, sequences, indexes, constraints, triggers, policies and rules
/// when those share names: every list keyed by such a name used to fail with a duplicate key.
/// </summary>
public class DottedNameTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Schema = """
        CREATE SCHEMA a;
        CREATE SCHEMA "a.b";
        CREATE FUNCTION a.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TABLE a."b.c" (id serial PRIMARY KEY, label text NOT NULL, CONSTRAINT label_set CHECK (label <> ''));
        CREATE TABLE "a.b".c (id serial PRIMARY KEY, label text NOT NULL, CONSTRAINT label_set CHECK (label <> ''));
        CREATE INDEX "b.label_idx" ON a."b.c" (label);
        CREATE INDEX label_idx ON "a.b".c (label);
        CREATE TRIGGER touch BEFORE UPDATE ON a."b.c" FOR EACH ROW EXECUTE FUNCTION a.touch();
        CREATE TRIGGER touch BEFORE UPDATE ON "a.b".c FOR EACH ROW EXECUTE FUNCTION a.touch();
        ALTER TABLE a."b.c" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "a.b".c ENABLE ROW LEVEL SECURITY;
        CREATE POLICY visible ON a."b.c" USING (true);
        CREATE POLICY visible ON "a.b".c USING (true);
        CREATE RULE keep AS ON DELETE TO a."b.c" WHERE old.id < 0 DO INSTEAD NOTHING;
        CREATE RULE keep AS ON DELETE TO "a.b".c WHERE old.id < 0 DO INSTEAD NOTHING;
        INSERT INTO a."b.c" (label) SELECT 'in a: ' || g FROM generate_series(1, 50) g;
        INSERT INTO "a.b".c (label) SELECT 'in a.b: ' || g FROM generate_series(1, 40) g;
        """;

    [Fact]
    public async Task Tables_whose_names_join_alike_migrate_validate_and_are_told_apart()
    {
        var source = await server.CreateDatabaseAsync("dotted_src");
        var target = await server.CreateDatabaseAsync("dotted_tgt");
        await Sql.ExecuteAsync(source, Schema);

        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        Assert.Equal(50, summary.Tables.Single(t => t.Name == "a.\"b.c\"").Rows);
        Assert.Equal(40, summary.Tables.Single(t => t.Name == "\"a.b\".c").Rows);
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));

        await Sql.ExecuteAsync(target, """UPDATE "a.b".c SET label = 'changed' WHERE id = 7; DROP POLICY visible ON a."b.c";""");
        var report = await DataValidator.ValidateAsync(source, target, new ValidationOptions { Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

        var describe = ValidationReportJson.Write(report);
        Assert.Equal(TableStatus.Identical, report.Tables.Single(t => t.Table == "a.\"b.c\"").Status);
        var changed = report.Tables.Single(t => t.Table == "\"a.b\".c");
        Assert.True(changed.Status == TableStatus.Different, describe);
        var row = Assert.Single(changed.Rows);
        Assert.Equal(RowDifferenceKind.Changed, row.Kind);
        Assert.Equal("id=7", row.DisplayKey);
        Assert.Equal(new ColumnDifference("label", "in a.b: 7", "changed"), Assert.Single(row.Columns));
        Assert.Equal("policy a.\"b.c\".visible: missing on the target", Assert.Single(report.SchemaDifferences).ToString());
        Assert.Equal(2, report.SequencesChecked);
        Assert.Empty(report.SequenceDifferences);
    }
}
