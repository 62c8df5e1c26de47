using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Schema;

namespace HerokuToCloud.Data.Tests.Units;

public class RestoreListTests
{
    // The shape pg_restore --list prints (PostgreSQL 15), for schemas whose names need quoting and not.
    private const string List = """
        ;
        ; Archive created at 2026-12-05 08:00:00 UTC
        8; 2615 16481 SCHEMA - My Ext postgres
        3451; 0 0 COMMENT - SCHEMA "My Ext" postgres
        3452; 0 0 ACL - SCHEMA "My Ext" postgres
        9; 2615 16610 SCHEMA - heroku_ext postgres
        10; 2615 16620 SCHEMA - heroku_ext_more postgres
        2; 3079 16482 EXTENSION - hstore 
        3453; 0 0 COMMENT - EXTENSION hstore 
        3; 3079 16611 EXTENSION - uuid-ossp 
        3454; 0 0 COMMENT - EXTENSION "uuid-ossp" 
        220; 1259 16700 TABLE public users app
        """;

    private static string[] Kept(string list) => list.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(';')).ToArray();

    [Fact]
    public void A_schema_the_target_has_is_not_created_commented_or_granted_again_and_extension_comments_are_left_out()
    {
        var kept = Kept(RestoreList.ForTarget(List, ["My Ext", "heroku_ext", "public", "My"]));

        Assert.Equal(
        [
            "10; 2615 16620 SCHEMA - heroku_ext_more postgres",
            "2; 3079 16482 EXTENSION - hstore ",
            "3; 3079 16611 EXTENSION - uuid-ossp ",
            "220; 1259 16700 TABLE public users app",
        ], kept);
    }

    [Fact]
    public void The_tables_pg_restore_reports_unquoted_are_named_with_their_parts_told_apart()
    {
        const string list = """
            ;
            ; Archive created at 2025-01-01 00:00:00 UTC
            3345; 0 16390 TABLE DATA Reporting Area daily log postgres
            3346; 0 16391 TABLE DATA billing Invoices postgres
            3347; 0 16392 TABLE DATA public orders postgres
            ;3348; 0 16393 TABLE DATA public skipped postgres
            """;

        var names = RestoreList.DataTablesByVerboseName(list);

        Assert.Equal("\"Reporting Area\".\"daily log\"", names["Reporting Area.daily log"]);
        Assert.Equal("billing.\"Invoices\"", names["billing.Invoices"]);
        Assert.Equal("public.orders", names["public.orders"]);
        Assert.False(names.ContainsKey("public.skipped"));
    }

    [Fact]
    public void Two_tables_pg_restore_prints_alike_are_both_named()
    {
        // Table b.c in schema a and table c in schema a.b are both "a.b.c" in pg_restore's verbose output.
        const string list = """
            3345; 0 16390 TABLE DATA a b.c postgres
            3346; 0 16391 TABLE DATA a.b c postgres
            """;

        var names = RestoreList.DataTablesByVerboseName(list);

        Assert.Equal("a.\"b.c\" or \"a.b\".c", names["a.b.c"]);
    }

    [Fact]
    public void Only_the_create_extension_entries_are_left_to_read_their_schemas_from()
    {
        Assert.Equal(["2; 3079 16482 EXTENSION - hstore ", "3; 3079 16611 EXTENSION - uuid-ossp "], Kept(RestoreList.OnlyExtensions(List)));
    }

    [Fact]
    public void A_schema_whose_name_begins_another_ones_leaves_the_other_in()
    {
        var kept = Kept(RestoreList.ForTarget(List, ["My", "heroku"]));

        Assert.Contains("8; 2615 16481 SCHEMA - My Ext postgres", kept);
        Assert.Contains("9; 2615 16610 SCHEMA - heroku_ext postgres", kept);
    }

    [Fact]
    public void Extensions_and_their_schemas_are_read_from_pg_dumps_create_extension_lines_quoted_or_not()
    {
        const string script = """"
            SET statement_timeout = 0;
            CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA "My ""Ext""";
            CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA heroku_ext;
            CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;
            COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';
            """";

        Assert.Equal([new SourceExtension("hstore", "My \"Ext\""), new SourceExtension("uuid-ossp", "heroku_ext")], RestoreList.ExtensionsIn(script));
    }
}
