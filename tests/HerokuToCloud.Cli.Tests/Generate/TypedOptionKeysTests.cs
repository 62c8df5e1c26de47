using System.CommandLine;
using HerokuToCloud.Cli.Generation;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>
/// Which stack keys an option typed on a run determines (they replace the team's kept values on a
/// regenerate). The mapping is written out per target by key name, so a misspelt key would silently
/// determine nothing: every option is tried here, and the keys it reaches are spelled out.
/// </summary>
public class TypedOptionKeysTests
{
    /// <summary>Options that choose the program's shape (which resources exist), not a stack value.</summary>
    private static readonly HashSet<string> ShapeOptions = ["--format", "--postgres", "--redis"];

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        { "aws", ["--region", "eu-west-1"], ["aws:region"] },
        { "aws", ["--vpc-cidr", "10.1.0.0/16"], ["privateSubnetCidrs", "publicSubnetCidrs", "vpcCidr"] },
        { "aws", ["--vpc-id", "vpc-0123abcd", "--public-subnet-ids", "subnet-0a1b2c3d,subnet-1a1b2c3d", "--private-subnet-ids", "subnet-2a1b2c3d,subnet-3a1b2c3d"], ["privateSubnetIds", "publicSubnetIds", "vpcId"] },
        { "aws", ["--hosted-zone-id", "Z0123"], ["hostedZoneId"] },
        { "aws", ["--alb-access-logs-bucket", "shop-alb-logs"], ["albAccessLogsBucket"] },
        { "aws", ["--log-retention-days", "731"], ["logRetentionDays"] },
        { "aws", ["--writable-root", "web"], [] }, // a waiver in the program, no stack value
        { "aws", ["--image-tag", "v7"], ["emigrateBackendImageTag", "emigrateEmailerImageTag", "emigrateFrontendImageTag"] },
        { "kubernetes", ["--image-registry", "registry.example.com/shop"], ["emigrateBackendImage", "emigrateEmailerImage", "emigrateFrontendImage"] },
        { "kubernetes", ["--image-tag", "v7"], ["emigrateBackendImageTag", "emigrateEmailerImageTag", "emigrateFrontendImageTag"] },
        { "kubernetes", ["--apps-domain", "apps.example.com"], ["emigrateBackendDomains"] }, // the frontend has a domain of its own
        { "kubernetes", ["--migration-image", "registry.example.com/heroku2cloud:1.0.0"], ["migrationImage"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_typed_option_determines_exactly_the_keys_it_feeds(string targetName, string[] args, string[] expected)
    {
        var (target, generated) = Generate(targetName, args);

        Assert.Equal(expected, generated.KeysFromTypedOptions.Order(StringComparer.Ordinal));
        Assert.All(expected, key => Assert.Contains(key, generated.Stack.Values.Keys));
        Assert.Equal(target.Name, targetName);
    }

    [Fact]
    public void Options_left_out_determine_nothing_even_with_a_default()
    {
        foreach (var target in GenerateTargets.All)
            Assert.Empty(Generate(target.Name, []).Generated.KeysFromTypedOptions);
    }

    [Fact]
    public void Every_option_of_every_target_is_tried_above_or_chooses_the_shape()
    {
        var tried = Cases.Select(c => ((string)c[0], (string[])c[1])).SelectMany(c => c.Item2.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => (c.Item1, a))).ToHashSet();
        foreach (var target in GenerateTargets.All)
        {
            foreach (var option in target.Options.Append(GenerateTargets.ImageTag).Where(o => !ShapeOptions.Contains(o.Name)))
                Assert.True(tried.Contains((target.Name, option.Name)), $"{target.Name} {option.Name} has no case in {nameof(Cases)}");
        }
    }

    private static (IGenerateTarget Target, GeneratedProgram Generated) Generate(string targetName, string[] args)
    {
        var command = new Command("generate");
        foreach (var option in GenerateTargets.Options)
            command.Options.Add(option);
        var parsed = command.Parse(args);
        Assert.Empty(parsed.Errors);

        var target = GenerateTargets.All.Single(t => t.Name == targetName);
        var plan = LandingPlanner.Plan(WithFrontendDomain(), "prod");
        return (target, target.Generate(plan, [plan], parsed));
    }

    /// <summary>The emigrate example with a custom domain on the frontend, so domain options have keys to reach.</summary>
    private static HerokuSystem WithFrontendDomain()
    {
        var system = InventoryYamlReader.ReadFile(Repository.Example("emigrate"));
        return system with
        {
            Apps = system.Apps.Select(a => a.Name == "emigrate-frontend" ? a with { Domains = [new Domain("www.emigrate.example")] } : a).ToArray(),
        };
    }
}
