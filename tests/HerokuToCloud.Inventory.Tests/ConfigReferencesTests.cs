namespace HerokuToCloud.Inventory.Tests;

/// <summary>refersTo chains are followed to their end, in any order, and loops are found rather than followed.</summary>
public class ConfigReferencesTests
{
    private static ConfigVar Var(string name, string? refersTo = null) => new() { Name = name, RefersTo = refersTo };

    private static readonly ConfigVar DatabaseUrl = new() { Name = "DATABASE_URL", Kind = ConfigVarKind.Addon, Addon = "db", Value = ConfigValueSource.Addon };

    [Fact]
    public void A_chain_ends_at_the_var_that_refers_to_nothing_whatever_order_the_app_lists_it_in()
    {
        // A_DB is listed before the var it names: one hop, or one pass in the app's order, stopped at B_DB.
        ConfigVar[] config = [Var("A_DB", "B_DB"), Var("B_DB", "C_DB"), Var("C_DB", "DATABASE_URL"), DatabaseUrl];

        Assert.Equal("DATABASE_URL", ConfigReferences.FinalTarget(config, "A_DB"));
        Assert.Equal("DATABASE_URL", ConfigReferences.FinalTarget([.. config.Reverse()], "A_DB"));
        Assert.Equal("DATABASE_URL", ConfigReferences.FinalTarget(config, "C_DB"));
        Assert.Empty(ConfigReferences.FirstLoop(config));
    }

    [Fact]
    public void A_var_that_refers_to_nothing_has_no_target_and_a_name_the_config_leaves_out_ends_the_chain()
    {
        // An attachment may inject a var the app's config does not list: the chain ends there.
        ConfigVar[] config = [Var("READ_DB", "HEROKU_POSTGRESQL_ONYX_URL"), Var("STRIPE_KEY")];

        Assert.Null(ConfigReferences.FinalTarget(config, "STRIPE_KEY"));
        Assert.Null(ConfigReferences.FinalTarget(config, "NOT_LISTED"));
        Assert.Equal("HEROKU_POSTGRESQL_ONYX_URL", ConfigReferences.FinalTarget(config, "READ_DB"));
    }

    [Theory]
    [InlineData(new[] { "X=Y", "Y=X" }, "X", new[] { "X", "Y" })]
    [InlineData(new[] { "X=X" }, "X", new[] { "X" })]
    [InlineData(new[] { "A=X", "X=Y", "Y=Z", "Z=X" }, "A", new[] { "X", "Y", "Z" })]
    // The loop starts with the var listed first, wherever the search began.
    [InlineData(new[] { "Z=X", "A=Z", "X=Z" }, "A", new[] { "Z", "X" })]
    public void A_loop_has_no_target_and_is_reported_from_the_var_listed_first(string[] vars, string start, string[] loop)
    {
        var config = vars.Select(v => v.Split('=')).Select(p => Var(p[0], p[1])).Append(DatabaseUrl).ToArray();

        Assert.Null(ConfigReferences.FinalTarget(config, start));
        Assert.Equal(loop, ConfigReferences.FirstLoop(config));
    }

    [Fact]
    public void A_loop_reads_as_the_chain_that_comes_back()
    {
        Assert.Equal("X → Y → X", ConfigReferences.Describe(["X", "Y"]));
        Assert.Equal("X → X", ConfigReferences.Describe(["X"]));
    }
}
