using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>data validate checks, before it hashes a row, that each side's role can read what it compares.</summary>
public class ReadPrivilegeTests(TwoServers servers) : IClassFixture<TwoServers>
{
    private const string Schema = """
        CREATE TABLE "order" (id int PRIMARY KEY, total numeric);
        CREATE TABLE visible (id serial PRIMARY KEY, note text);
        INSERT INTO "order" VALUES (1, 9.5), (2, 3);
        INSERT INTO visible (note) VALUES ('a'), ('b');
        """;

    [Fact]
    public async Task A_source_role_that_cannot_read_a_table_is_named_with_the_grant_before_anything_is_compared()
    {
        var (source, target) = await DatabasesAsync("readable_src1", "readable_tgt1");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE validate_src_reader LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(source, "GRANT SELECT ON visible, visible_id_seq TO validate_src_reader");
        var progress = new RecordingProgress();

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DataValidator.ValidateAsync(
            servers.Source.Endpoint("readable_src1", "validate_src_reader"), target, new ValidationOptions { Jobs = 1 }, progress, CancellationToken.None));

        Assert.StartsWith("the source role validate_src_reader cannot read everything validation compares in the source database", error.Message, StringComparison.Ordinal);
        Assert.Contains("lacks SELECT on 1 table: public.\"order\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON public.\"order\" TO validate_src_reader;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("visible", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("phase validate: content", progress.Events);
    }

    [Fact]
    public async Task A_target_role_that_cannot_read_a_table_or_a_large_object_is_named_as_the_target_s()
    {
        var (source, target) = await DatabasesAsync("readable_src2", "readable_tgt2");
        await Sql.ExecuteAsync(servers.Target.Endpoint(), "CREATE ROLE validate_tgt_reader LOGIN NOSUPERUSER");
        foreach (var database in new[] { source, target })
            await Sql.ExecuteAsync(database, "SELECT lo_from_bytea(4242, '\\x01'::bytea)");
        await Sql.ExecuteAsync(target, "GRANT SELECT ON visible TO validate_tgt_reader");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DataValidator.ValidateAsync(
            source, servers.Target.Endpoint("readable_tgt2", "validate_tgt_reader"), new ValidationOptions { Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.StartsWith("the target role validate_tgt_reader cannot read everything validation compares in the target database", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT on 1 table: public.\"order\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT on 1 sequence: public.visible_id_seq", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT on 1 large object (the first is 4242)", error.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON LARGE OBJECT 4242 TO validate_tgt_reader;", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has been compared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_advised_grant_for_many_large_objects_works_when_another_role_owns_some()
    {
        var (source, target) = await DatabasesAsync("readable_src4", "readable_tgt4");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE \"lo 50% reader\" LOGIN NOSUPERUSER; CREATE ROLE lo_other_owner NOSUPERUSER");
        await Sql.ExecuteAsync(source, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"lo 50% reader\"; GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO \"lo 50% reader\"");
        // Two owned by the connecting superuser, one by another role: a GRANT by a non-owner fails and aborts the block.
        await Sql.ExecuteAsync(source, "SELECT lo_from_bytea(5001, '\\x01'::bytea), lo_from_bytea(5002, '\\x02'::bytea), lo_from_bytea(5003, '\\x03'::bytea); ALTER LARGE OBJECT 5003 OWNER TO lo_other_owner");
        var reader = servers.Source.Endpoint("readable_src4", "lo 50% reader");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DataValidator.ValidateAsync(
            reader, target, new ValidationOptions { Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        var advice = error.Message[error.Message.IndexOf("DO $$", StringComparison.Ordinal)..];
        var block = advice[..(advice.IndexOf("END$$;", StringComparison.Ordinal) + "END$$;".Length)];
        await Sql.ExecuteAsync(source, block);
        await Sql.ExecuteAsync(source, $"SET ROLE lo_other_owner; {block}");
        await Sql.ExecuteAsync(source, "RESET ROLE");
        // Readable now: validation runs, and what it reports is the difference (the target has no large objects).
        var report = await DataValidator.ValidateAsync(reader, target, new ValidationOptions { Jobs = 1 }, new RecordingProgress(), CancellationToken.None);
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task Roles_that_can_read_everything_validate_as_before()
    {
        var (source, target) = await DatabasesAsync("readable_src3", "readable_tgt3");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE validate_full_reader LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(source, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO validate_full_reader; GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO validate_full_reader");

        var report = await DataValidator.ValidateAsync(
            servers.Source.Endpoint("readable_src3", "validate_full_reader"), target, new ValidationOptions { Jobs = 1 }, new RecordingProgress(), CancellationToken.None);

        Assert.True(report.Identical, report.Summary);
    }

    private async Task<(PostgresEndpoint Source, PostgresEndpoint Target)> DatabasesAsync(string sourceName, string targetName)
    {
        var source = await servers.Source.CreateDatabaseAsync(sourceName);
        var target = await servers.Target.CreateDatabaseAsync(targetName);
        await Sql.ExecuteAsync(source, Schema);
        await Sql.ExecuteAsync(target, Schema);
        return (source, target);
    }
}
