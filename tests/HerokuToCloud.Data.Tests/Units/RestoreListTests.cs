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
