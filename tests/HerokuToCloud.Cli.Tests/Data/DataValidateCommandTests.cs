using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Cli.Tests.Data;

/// <summary>`heroku2cloud data validate` end to end: exit codes, the text report, the JSON report, errors.</summary>
public class DataValidateCommandTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private string source = "";
    private string same = "";
    private string changed = "";

    public async Task InitializeAsync()
    {
        var name = "src_" + Guid.NewGuid().ToString("N")[..8];
        await server.CreateDatabaseAsync(name);
        await ExecuteAsync(name, """
            CREATE TABLE public.customers (id int PRIMARY KEY, email text, signed_up timestamptz NOT NULL);
            INSERT INTO public.customers SELECT g, 'user' || g || '@example.com', timestamptz '2024-01-01 00:00+00' + g * interval '1 day' FROM generate_series(1, 100) g;
            """);
        await ExecuteAsync("postgres", $"CREATE DATABASE {name}_same TEMPLATE {name}; CREATE DATABASE {name}_changed TEMPLATE {name}");
        await ExecuteAsync(name + "_changed", "UPDATE public.customers SET email = NULL WHERE id = 42");
        source = Url(name);
        same = Url(name + "_same");
        changed = Url(name + "_changed");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Identical_databases_exit_0_with_a_text_report_on_stdout_and_progress_on_stderr()
    {
        var (exit, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", source, "--target", same, "--jobs", "2");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Schema: identical", stdout, StringComparison.Ordinal);
        Assert.Contains("identical: 1 table, 100 rows", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("public.customers: done", stdout, StringComparison.Ordinal);
        Assert.Contains("public.customers: done, 100 rows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_urls_come_from_the_environment_when_the_options_are_absent()
    {
        var fromEnvironment = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(),
            new Dictionary<string, string?> { ["HEROKU2CLOUD_SOURCE_URL"] = source, ["HEROKU2CLOUD_TARGET_URL"] = changed },
            "data", "validate");
        Assert.True(fromEnvironment.ExitCode == 1, fromEnvironment.ToString());
        Assert.Contains("public.customers: 0 missing, 0 extra, 1 changed", fromEnvironment.Stdout, StringComparison.Ordinal);

        var neither = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(),
            new Dictionary<string, string?> { ["HEROKU2CLOUD_SOURCE_URL"] = null, ["HEROKU2CLOUD_TARGET_URL"] = null },
            "data", "validate");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--source is missing: pass --source or set HEROKU2CLOUD_SOURCE_URL", neither.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_difference_exits_1_and_names_table_key_and_column()
    {
        var (exit, stdout, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", source, "--target", changed);

        Assert.Equal(1, exit);
        Assert.Contains("public.customers: 0 missing, 0 extra, 1 changed", stdout, StringComparison.Ordinal);
        Assert.Contains("changed  id=42  email: 'user42@example.com' → NULL", stdout, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT: 1 table with differing rows (1 row)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_report_is_the_only_output_and_follows_the_documented_shape()
    {
        var (exit, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", source, "--target", changed, "--json");

        Assert.Equal(1, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(root.GetProperty("identical").GetBoolean());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("changedRows").GetInt64());
        var table = root.GetProperty("tables").EnumerateArray().Single();
        Assert.Equal("public.customers", table.GetProperty("table").GetString());
        Assert.Equal("different", table.GetProperty("status").GetString());
        var row = table.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("changed", row.GetProperty("difference").GetString());
        Assert.Equal("42", row.GetProperty("key").GetProperty("id").GetString());
        var column = row.GetProperty("columns").EnumerateArray().Single();
        Assert.Equal("email", column.GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Null, column.GetProperty("target").ValueKind);
        Assert.DoesNotContain("password", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unreachable_database_exits_2_with_a_message_and_no_stack_trace()
    {
        var (exit, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", source, "--target", "postgres://someone:hunter2@127.0.0.1:1/nothing?sslmode=disable");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("Data validation", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stdout, StringComparison.Ordinal);
        Assert.Contains("error: cannot reach the target database postgres://someone@127.0.0.1:1/nothing", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_role_that_cannot_read_a_table_exits_2_naming_it_and_the_grant_before_comparing()
    {
        var role = "reader_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync("postgres", $"CREATE ROLE {role} LOGIN NOSUPERUSER");
        var asReader = source.Replace("postgres://postgres@", $"postgres://{role}@", StringComparison.Ordinal);

        var (exit, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", asReader, "--target", same);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("Data validation", stdout, StringComparison.Ordinal);
        Assert.Contains($"error: the source role {role} cannot read everything validation compares", stderr, StringComparison.Ordinal);
        Assert.Contains("lacks SELECT on 1 table: public.customers", stderr, StringComparison.Ordinal);
        Assert.Contains($"GRANT SELECT ON public.customers TO {role};", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("public.customers: done", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_address_exits_2_naming_the_option_it_came_from()
    {
        var (exit, _, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", "mysql://x@y/z", "--target", same);
        var (targetExit, _, targetError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", same, "--target", "postgres://app:Pw-Very-Secret@db.example.com:notaport/app");

        Assert.Equal(2, exit);
        Assert.Contains("cannot read the --source database URL", stderr, StringComparison.Ordinal);
        Assert.Equal(2, targetExit);
        Assert.Contains("cannot read the --target database URL", targetError, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", targetError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_as_source_is_refused_with_what_to_compare_instead()
    {
        var dump = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.dump");
        await File.WriteAllTextAsync(dump, "PGDMP");
        try
        {
            var (fileExit, _, fileError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", dump, "--target", same);
            var (urlExit, _, urlError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "validate", "--source", "https://backups.example.com/b001.dump?X-Amz-Signature=sig-secret-123", "--target", same);

            Assert.Equal(2, fileExit);
            Assert.Contains($"--source is the backup file {dump}, but data validate compares two databases", fileError, StringComparison.Ordinal);
            Assert.Contains("heroku config:get DATABASE_URL", fileError, StringComparison.Ordinal);
            Assert.Equal(2, urlExit);
            Assert.Contains("--source is a backup URL", urlError, StringComparison.Ordinal);
            Assert.DoesNotContain("sig-secret-123", urlError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private string Url(string database) => $"postgres://postgres@127.0.0.1:{server.Port}/{database}?sslmode=disable";

    private async Task ExecuteAsync(string database, string sql)
    {
        var builder = server.Endpoint(database).ToNpgsql();
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
