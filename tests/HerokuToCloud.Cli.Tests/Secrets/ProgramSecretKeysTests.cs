using HerokuToCloud.Cli.Secrets;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Tests.Secrets;

public sealed class ProgramSecretKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-program-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly StackSecretConfig Config = new()
    {
        System = "shop",
        Stack = "prod",
        Assignments = [new SecretAssignment("shop-web-STRIPE_KEY", "shop-web", "STRIPE_KEY", "shop-web-production", "s.yaml:2", "v")],
        Missing = [new MissingSecretValue("shop-web-BANNER", "shop-web", "BANNER", "shop-web-production", MissingSecretReason.NotInFile, "m")],
    };

    private void Write(params ConfigDeclaration[] declarations)
    {
        var graph = new ResourceGraph("shop", "");
        foreach (var declaration in declarations)
            graph.Declare(declaration);
        File.WriteAllText(Path.Combine(_dir, PulumiYamlWriter.ProgramFileName), PulumiYamlWriter.Write(graph));
    }

    [Fact]
    public void Accepts_a_program_declaring_every_key_as_a_secret_string_and_lists_its_other_secrets()
    {
        Write(
            new ConfigDeclaration("shop-web-STRIPE_KEY", ConfigType.String, Secret: true),
            new ConfigDeclaration("shop-web-BANNER", ConfigType.String, Secret: true),
            new ConfigDeclaration("shopWebDbSourceUrl", ConfigType.String, Secret: true),
            new ConfigDeclaration("shopWebImageTag", ConfigType.String));

        var program = ProgramSecretKeys.Check(_dir, Config, required: true)!;

        Assert.Equal((Path.Combine(_dir, "Pulumi.yaml"), "shop"), (program.ProgramPath, program.Project));
        Assert.Equal(["shopWebDbSourceUrl"], program.OtherSecretKeys);
    }

    [Fact]
    public void A_program_reading_a_var_the_inventory_now_builds_from_a_datastore_is_refused_as_older()
    {
        // Generated before READ_DB was recorded as refersTo DATABASE_URL: it still reads shop-web-READ_DB.
        Write(
            new ConfigDeclaration("shop-web-STRIPE_KEY", ConfigType.String, Secret: true),
            new ConfigDeclaration("shop-web-BANNER", ConfigType.String, Secret: true),
            new ConfigDeclaration("shop-web-READ_DB", ConfigType.String, Secret: true));
        var config = Config with { Skipped = [new SkippedSecret("shop-web", "READ_DB", SkippedSecretReason.Datastore, "built from shop-web-db")] };

        var error = Assert.Throws<SecretPushException>(() => ProgramSecretKeys.Check(_dir, config, required: true));

        // Listed under "set it yourself" before, which invited setting the Heroku URL by hand.
        Assert.Contains("(shop-web-READ_DB (READ_DB of shop-web is no longer secret config))", error.Message);
        Assert.Contains("generate it again from this inventory", error.Message);
    }

    [Fact]
    public void Keys_declared_as_plain_config_or_another_type_are_refused()
    {
        Write(
            new ConfigDeclaration("shop-web-STRIPE_KEY", ConfigType.String),
            new ConfigDeclaration("shop-web-BANNER", ConfigType.Integer, Secret: true));

        var error = Assert.Throws<SecretPushException>(() => ProgramSecretKeys.Check(_dir, Config, required: true));

        Assert.Contains("(shop-web-BANNER is declared with another type than string; shop-web-STRIPE_KEY is declared as plain config, not secret)", error.Message);
    }

    [Fact]
    public void Without_a_program_a_push_fails_and_a_dry_run_goes_on()
    {
        Assert.Null(ProgramSecretKeys.Check(_dir, Config, required: false));

        var error = Assert.Throws<SecretPushException>(() => ProgramSecretKeys.Check(_dir, Config, required: true));
        Assert.Contains("has no Pulumi.yaml: point -C at the directory `heroku2cloud generate -o DIR` wrote", error.Message);

        var missing = Assert.Throws<SecretPushException>(() => ProgramSecretKeys.Check(Path.Combine(_dir, "nope"), Config, required: true));
        Assert.Contains("does not exist", missing.Message);
    }
}
