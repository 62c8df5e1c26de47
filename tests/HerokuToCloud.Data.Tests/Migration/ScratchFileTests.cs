using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Schema;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Tools;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Migration;

public class ScratchFileTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_schema_archive_pg_dump_writes_is_readable_by_its_owner_alone()
    {
        if (OperatingSystem.IsWindows())
            return;
        var source = await server.CreateDatabaseAsync("scratch_src");
        await Sql.ExecuteAsync(source, "CREATE FUNCTION secret_formula() RETURNS int LANGUAGE sql AS 'SELECT 42'; CREATE TABLE t (id int);");
        var sessions = new DatabaseSessions(source, DatabaseRole.Source);
        await using var connection = await sessions.OpenAsync(CancellationToken.None);
        await using (var begin = new NpgsqlCommand("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", connection))
            await begin.ExecuteNonQueryAsync();
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection);
        var snapshot = (string)(await export.ExecuteScalarAsync())!;
        string directory;

        using (var workspace = PrivateDirectory.CreateTemporary("heroku2cloud-schema-"))
        {
            directory = workspace.Path;
            var archive = await new SchemaTransfer(new PgClientTools(server.BinDirectory), sessions, sessions).DumpAsync(workspace, snapshot, [], CancellationToken.None);

            Assert.True(new FileInfo(archive).Length > 0);
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(archive));
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(workspace.Path));
            Assert.StartsWith(workspace.Path, archive, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_private_directory_is_owner_only_and_so_are_the_files_written_in_it()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var workspace = PrivateDirectory.CreateTemporary("h2c-private-");

        var list = await workspace.WriteTextAsync("restore.list", "1; 0 0 TABLE public t owner\n", CancellationToken.None);
        var empty = workspace.CreateFile("schema.dump");

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(workspace.Path));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(list));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(empty));
    }
}
