using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Kubernetes.Policy;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>--writable-root on Kubernetes: the same entries as on AWS, on Deployments, the release Job and CronJobs.</summary>
public class WritableRootTests
{
    private const string Waiver = "waive.heroku2cloud.io/K8S.readOnlyRootFilesystem";

    private static KubernetesProgram Shop(params string[] writableRoot) =>
        KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { WritableRoot = writableRoot });

    [Fact]
    public void Named_processes_keep_a_writable_root_with_a_waiver_and_a_warning_each()
    {
        var program = Shop("worker", "shop-web/release", "shop-web/nightly_report");

        foreach (var (name, template) in new[]
                 {
                     ("shop-web-worker-deployment", "spec.template.spec"),
                     ("shop-web-release", "spec.template.spec"),
                     ("shop-web-nightly-report-cronjob", "spec.jobTemplate.spec.template.spec"),
                 })
        {
            var resource = program.Resource(name);
            Assert.Equal(new BoolValue(false), resource.Container(template).At("securityContext", "readOnlyRootFilesystem"));
            Assert.Equal(new StringValue(PodSecurity.WritableRootReason), resource.At("metadata", "annotations", Waiver));
        }

        foreach (var (name, template) in new[]
                 {
                     ("shop-web-web-deployment", "spec.template.spec"),
                     ("shop-web-send-digests-cronjob", "spec.jobTemplate.spec.template.spec"),
                 })
        {
            var resource = program.Resource(name);
            Assert.Equal(new BoolValue(true), resource.Container(template).At("securityContext", "readOnlyRootFilesystem"));
            Assert.Null(resource.At("metadata", "annotations", Waiver));
        }

        // The release Job keeps its own annotation next to the waiver.
        Assert.Equal(new StringValue("true"), program.Resource("shop-web-release").At("metadata", "annotations", "pulumi.com/replaceUnready"));
        var warned = program.Findings.Where(f => f.Severity == FindingSeverity.Warning && f.Message.Contains("--writable-root", StringComparison.Ordinal)).Select(f => f.Subject);
        // shop-admin/web is writable because the plan says so; the other three because the option names them.
        Assert.Equal(["shop-admin/web", "shop-web/nightly_report", "shop-web/release", "shop-web/worker"], warned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_policy_check_reports_each_writable_root_as_waived_never_as_a_violation()
    {
        var program = Shop("worker", "shop-web/release", "nightly_report");
        var report = new PolicyEngine([GenericPolicyPack.Create(), KubernetesPolicyPack.Create()]).Check(program.Graph, [program.Stack]);

        Assert.True(report.Passed, string.Join("; ", report.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")));
        var waived = report.Waived.Where(w => w.Violation.RuleId == "K8S.readOnlyRootFilesystem").Select(w => w.Violation.Resource).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["shop-admin-web-deployment", "shop-web-nightly-report-cronjob", "shop-web-release", "shop-web-worker-deployment"],
            waived);
    }

    [Theory]
    [InlineData("sidekiq")]
    [InlineData("other-app/worker")]
    [InlineData("shop-admin/release")]
    public void An_entry_that_names_no_process_is_an_error_naming_it_and_the_processes_there_are(string entry)
    {
        var error = Assert.Throws<LandingException>(() => Shop(entry));
        Assert.Contains($"--writable-root {entry}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("shop-web/web, shop-web/worker, shop-web/clock_legacy, shop-web/release, shop-web/send-digests, shop-web/nightly_report, shop-admin/web", error.Message, StringComparison.Ordinal);
    }
}
