using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Components;

/// <summary>
/// Every task is x86-64; the images pushed for them must be too, and an arm64 build (pack or docker on an
/// Apple Silicon Mac, from multi-architecture builders and base images) never starts, so generate says how to build them.
/// </summary>
public class TaskArchitectureTests
{
    [Fact]
    public void Every_task_definition_is_x86_64_and_the_summary_says_to_build_amd64_images()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());

        var tasks = result.Program.Resources.Where(r => r.Type == AwsTypes.TaskDefinition).ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(new StringValue("X86_64"), t.At("runtimePlatform.cpuArchitecture")));
        var advice = Assert.Single(result.Findings, f => f.Subject == "images");
        Assert.Contains("pack build ... --platform linux/amd64", advice.Message, StringComparison.Ordinal);
        Assert.Contains("docker build --platform linux/amd64", advice.Message, StringComparison.Ordinal);
        Assert.Contains("the heroku2cloud image", advice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_data_migration_the_advice_leaves_the_heroku2cloud_image_out()
    {
        var plan = Plans.EmigratePlan() with { Datastores = [Plans.Database() with { MigrateData = false }, Plans.Cache()] };

        var advice = Assert.Single(AwsLanding.Build(plan).Findings, f => f.Subject == "images");

        Assert.DoesNotContain("heroku2cloud image", advice.Message, StringComparison.Ordinal);
    }
}
