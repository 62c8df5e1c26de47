using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Copy;
using HerokuToCloud.Data.Schema;
using HerokuToCloud.Data.State;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>Which post-data statements may run while the copy still loads tables, read from a real catalog.</summary>
public class LoadingTablesTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Plain_tables_load_unit_by_unit_and_partitions_and_inheritance_parents_wait_for_the_whole_copy()
    {
        var target = await server.CreateDatabaseAsync("loading_tables");
        await Sql.ExecuteAsync(target, """
            CREATE TABLE plain (id int, x int);
            CREATE SCHEMA "Odd Schema";
            CREATE TABLE "Odd Schema"."Mixed Case" (id int);
            CREATE TABLE parted (id int, x int) PARTITION BY RANGE (id);
            CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100);
            CREATE TABLE parent (id int);
            CREATE TABLE child () INHERITS (parent);
            """);
        PostDataItem Index(int ordinal, string relation) => new(ordinal, PostDataWave.IndexesAndConstraints, "INDEX", $"i{ordinal}", null, $"CREATE INDEX i{ordinal} ON {relation} USING btree (id);");
        var items = new[] { Index(1, "public.plain"), Index(2, "\"Odd Schema\".\"Mixed Case\""), Index(3, "ONLY public.parted"), Index(4, "public.parted_1"), Index(5, "public.parent"), Index(6, "public.child") };
        TableInfo Table(string schema, string name, long bytes) => new() { Schema = schema, Name = name, Columns = ["id"], Bytes = bytes };
        var tables = new[] { Table("public", "plain", 900), Table("Odd Schema", "Mixed Case", 50), Table("public", "parted_1", 70), Table("public", "parent", 10), Table("public", "child", 20) };
        var nextId = 0;
        MigrationState.UnitRecord Unit(TableInfo table, bool done) => new(new CopyUnit { Id = ++nextId, Kind = CopyUnitKind.Table, Schema = table.Schema, Table = table.Name }, done, 0, 0);
        var plainFirst = Unit(tables[0], done: false);
        var plainSecond = Unit(tables[0], done: false);
        var units = new[] { plainFirst, plainSecond, Unit(tables[0], done: true), Unit(tables[1], done: true), Unit(tables[2], done: false), Unit(tables[3], done: false), Unit(tables[4], done: false) };

        await using var connection = new NpgsqlConnection(target.ToNpgsql("test").ConnectionString);
        await connection.OpenAsync();
        var loading = await LoadingTables.ReadAsync(connection, items, tables, units, CancellationToken.None);
        var changes = 0;
        loading.Loaded += _ => Interlocked.Increment(ref changes);

        Assert.True(loading.IsLoaded("\"Odd Schema\".\"Mixed Case\""), "its only unit was committed by an earlier run");
        Assert.False(loading.IsLoaded("public.plain"));
        loading.Committed(plainFirst.Unit);
        Assert.False(loading.IsLoaded("public.plain"));
        Assert.Equal(0, changes);
        loading.Committed(plainSecond.Unit);
        Assert.True(loading.IsLoaded("public.plain"));
        Assert.Equal(1, changes);

        var child = units[^1];
        Assert.False(loading.IsLoaded("public.child"));
        loading.Committed(child.Unit);
        Assert.True(loading.IsLoaded("public.child"), "an inheritance child is a plain table");
        loading.Committed(units[^2].Unit);
        loading.Committed(units[^3].Unit);
        foreach (var relation in new[] { "public.parted", "public.parted_1", "public.parent" })
            Assert.False(loading.IsLoaded(relation), $"{relation} is loaded before the copy ends");

        loading.Finished();
        Assert.True(loading.IsLoaded("public.parent"));
        Assert.True(loading.Everything.IsCompleted);
        Assert.Equal(3, changes);
        Assert.Equal(900, loading.Sizes["public.plain"]);
        Assert.Equal(50, loading.Sizes["\"Odd Schema\".\"Mixed Case\""]);
        Assert.Equal(0, loading.Sizes["public.parted"]);
        Assert.Equal(70, loading.Sizes["public.parted_1"]);
    }
}
