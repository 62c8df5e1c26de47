using System.Text.RegularExpressions;
using HerokuToCloud.Inventory;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>
/// What a Kubernetes generation tells the user to read: the plan's findings (shared with the AWS target)
/// and the program's own. None may send a team that lands on a cluster to an AWS service.
/// </summary>
public partial class FindingWordingTests
{
    /// <summary>One add-on of each kind the planner reports with a suggestion, beyond those the inventory catalog knows.</summary>
    private static readonly string[] MoreServices =
    [
        "jawsdb", "cleardb", "jawsdb-maria", "mongolab", "memcachier", "bonsai", "cloudamqp", "heroku-kafka", "bucketeer",
        "sendgrid", "newrelic", "sentry", "fixie", "heroku-connect", "expeditedssl", "judoscale", "cron-to-go", "deployhooks",
        "cloudinary", "pusher", "papertrail", "some-new-addon",
    ];

    [GeneratedRegex(@"\b(AWS|Amazon|ECS|Fargate|RDS|Aurora|ALBs?|ELB|ElastiCache|Secrets Manager|EventBridge|CloudWatch|ACM|S3|SES|DocumentDB|MSK|IAM|Route ?53)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AwsWords();

    private static IEnumerable<PlanFinding> Shown(LandingPlan plan, KubernetesProgram program) => plan.Findings.Concat(program.Findings);

    [Fact]
    public void The_examples_findings_name_no_aws_service()
    {
        foreach (var example in ExamplePrograms.Examples)
        {
            foreach (var stack in ExamplePrograms.Stacks(example))
            {
                var plan = ExamplePrograms.Plan(example, stack);
                foreach (var finding in Shown(plan, KubernetesLanding.Build(plan)))
                    Assert.False(AwsWords().IsMatch(finding.Message), $"{example}/{stack} {finding.Subject}: {finding.Message}");
            }
        }
    }

    [Fact]
    public void Every_add_on_finding_and_log_drain_finding_names_no_aws_service()
    {
        var system = ExamplePrograms.Inventory("emigrate");
        var app = system.Apps[0];
        // Datastores are rebuilt, not reported with a suggestion; their findings are the examples' own.
        var services = AddonCatalog.All.Select(a => a.Service).Concat(MoreServices)
            .Where(s => !AddonServices.IsRebuiltDatastore(s)).Distinct(StringComparer.Ordinal).ToList();
        var addons = services.Select((service, i) => new Addon
        {
            Name = $"extra-{i}",
            Service = service,
            Plan = "plan-a",
            Attachments = [new AddonAttachment { App = app.Name, Name = $"EXTRA{i}", ConfigVars = [$"EXTRA{i}_URL"] }],
        });
        var apps = system.Apps.Select(a => a.Name == app.Name ? a with { LogDrains = ["syslog+tls://logs.example.net:6514"] } : a).ToList();
        system = system with { Apps = apps, Addons = [.. system.Addons, .. addons] };

        var plan = LandingPlanner.Plan(system, ExamplePrograms.Stacks("emigrate")[0]);
        var findings = Shown(plan, KubernetesLanding.Build(plan)).ToList();

        // Every extra add-on got a finding, so the check below read their suggestions.
        Assert.True(findings.Count(f => f.Subject.StartsWith("addons[extra-", StringComparison.Ordinal)) >= MoreServices.Length - 2, string.Join("\n", findings.Select(f => f.Subject)));
        Assert.All(findings, f => Assert.False(AwsWords().IsMatch(f.Message), $"{f.Subject}: {f.Message}"));
    }
}
