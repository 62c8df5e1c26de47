using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Kubernetes.Tests;

public class PolicyTests
{
    public static TheoryData<string> Programs => ["shop-cnpg", "shop-external", "worker-only"];

    private static KubernetesProgram Build(string name) => name switch
    {
        "shop-external" => KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External }),
        "worker-only" => KubernetesLanding.Build(SamplePlans.WorkerOnly()),
        _ => KubernetesLanding.Build(SamplePlans.Shop()),
    };

    private static PolicyReport Check(KubernetesProgram program) =>
        new PolicyEngine([GenericPolicyPack.Create(), KubernetesPolicyPack.Create()]).Check(program.Graph, [program.Stack]);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Generated_programs_pass_every_rule(string name)
    {
        var report = Check(Build(name));
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Empty(report.UnusedWaivers);
    }

    [Fact]
    public void The_plans_writable_root_filesystem_is_reported_as_a_waiver()
    {
        var waiver = Assert.Single(Check(Build("shop-cnpg")).Waived);
        Assert.Equal("K8S.readOnlyRootFilesystem", waiver.Violation.RuleId);
        Assert.Equal("shop-admin-web-deployment", waiver.Violation.Resource);
        Assert.Contains("--writable-root or the landing plan", waiver.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_pod_template_kind_is_checked()
    {
        var where = PodTemplate.In(Build("shop-cnpg").Graph).Select(p => p.Where).Distinct().Order().ToList();
        Assert.Equal(["CronJob", "Deployment", "Job", "StatefulSet"], where);
        Assert.Equal(9, PodTemplate.In(Build("shop-cnpg").Graph).Count());
    }

    [Fact]
    public void Every_pod_template_is_restricted()
    {
        var program = Build("shop-cnpg");
        foreach (var pod in PodTemplate.In(program.Graph))
        {
            Assert.Equal(new BoolValue(true), pod.Spec.At("securityContext", "runAsNonRoot"));
            Assert.NotNull(pod.Spec.At("securityContext", "runAsUser"));
            Assert.Equal(new StringValue("RuntimeDefault"), pod.Spec.At("securityContext", "seccompProfile", "type"));
            foreach (var (_, container) in pod.Containers())
            {
                Assert.Equal(new BoolValue(false), container.At("securityContext", "allowPrivilegeEscalation"));
                ValueAssert.Same(Value.List("ALL"), container.At("securityContext", "capabilities", "drop"));
            }
        }
    }

    public static TheoryData<string, string> Mutations => new()
    {
        { "PSS.privileged", "privileged" },
        { "PSS.hostNamespaces", "host-network" },
        { "PSS.hostPorts", "host-port" },
        { "PSS.volumeTypes", "host-path" },
        { "PSS.allowPrivilegeEscalation", "escalation" },
        { "PSS.capabilities", "no-drop-all" },
        { "PSS.capabilities", "add-sys-admin" },
        { "PSS.runAsNonRoot", "root-allowed" },
        { "PSS.runAsUser", "uid-zero" },
        { "PSS.runAsUser", "no-uid" },
        { "PSS.runAsUser", "stack-uid-zero" },
        { "PSS.seccompProfile", "unconfined" },
        { "PSS.seccompProfile", "no-seccomp" },
        { "PSS.procMount", "unmasked" },
        { "PSS.seLinux", "selinux-type" },
        { "PSS.appArmor", "apparmor" },
        { "PSS.sysctls", "sysctl" },
        { "PSS.hostProcess", "host-process" },
        { "PSS.probeHost", "probe-host" },
        { "K8S.readOnlyRootFilesystem", "writable-root" },
        { "K8S.resources", "no-limits" },
        { "K8S.webProbes", "no-liveness" },
        { "K8S.configFromSecrets", "literal-env" },
        { "K8S.configFromSecrets", "configmap" },
        { "K8S.namespacePodSecurity", "baseline-namespace" },
        { "K8S.defaultDenyNetworkPolicy", "open-egress" },
        { "K8S.defaultDenyNetworkPolicy", "no-policy" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_rule_fails_a_program_that_breaks_its_control(string rule, string mutation)
    {
        var program = Build("shop-cnpg");
        Mutate(program, mutation);
        var violations = Check(program).Violations;
        Assert.Contains(violations, v => v.RuleId == rule);
        Assert.All(violations, v => Assert.Equal(rule, v.RuleId));
    }

    private static void Mutate(KubernetesProgram program, string mutation)
    {
        var deployment = program.Resource("shop-web-web-deployment");
        var pod = (MapValue)deployment.At("spec", "template", "spec")!;
        var podContext = (MapValue)pod["securityContext"]!;
        var container = deployment.Container();
        var context = (MapValue)container["securityContext"]!;
        var cron = (MapValue)program.Resource("shop-web-send-digests-cronjob").At("spec", "jobTemplate", "spec", "template", "spec")!;
        switch (mutation)
        {
            case "privileged": context["privileged"] = true; break;
            case "host-network": pod["hostNetwork"] = true; break;
            case "host-port": ((MapValue)((ListValue)container["ports"]!).Items[0])["hostPort"] = 80; break;
            case "host-path": cron["volumes"] = Value.List(new MapValue { ["name"] = "tmp", ["hostPath"] = new MapValue { ["path"] = "/" } }); break;
            case "escalation": context["allowPrivilegeEscalation"] = true; break;
            case "no-drop-all": context["capabilities"] = new MapValue { ["drop"] = Value.List("NET_RAW") }; break;
            case "add-sys-admin": context["capabilities"] = new MapValue { ["drop"] = Value.List("ALL"), ["add"] = Value.List("SYS_ADMIN") }; break;
            case "root-allowed": context["runAsNonRoot"] = false; break;
            case "uid-zero": podContext["runAsUser"] = 0; break;
            case "no-uid": pod["securityContext"] = Without(podContext, "runAsUser"); break;
            case "stack-uid-zero": program.Stack.Set("shopWebRunAsUser", 0); break;
            case "unconfined": podContext["seccompProfile"] = new MapValue { ["type"] = "Unconfined" }; break;
            case "no-seccomp": pod["securityContext"] = Without(podContext, "seccompProfile"); break;
            case "unmasked": context["procMount"] = "Unmasked"; break;
            case "selinux-type": podContext["seLinuxOptions"] = new MapValue { ["type"] = "spc_t" }; break;
            case "apparmor": context["appArmorProfile"] = new MapValue { ["type"] = "Unconfined" }; break;
            case "sysctl": podContext["sysctls"] = Value.List(new MapValue { ["name"] = "kernel.msgmax", ["value"] = "65536" }); break;
            case "host-process": podContext["windowsOptions"] = new MapValue { ["hostProcess"] = true }; break;
            case "probe-host": ((MapValue)container.At("readinessProbe", "httpGet")!)["host"] = "169.254.169.254"; break;
            case "writable-root": context["readOnlyRootFilesystem"] = false; break;
            case "no-limits": container["resources"] = Without((MapValue)container["resources"]!, "limits"); break;
            case "no-liveness":
                var web = new MapValue(container.Where(e => e.Key != "livenessProbe"));
                pod["containers"] = Value.List(web);
                break;
            case "literal-env": container["env"] = Value.List(new MapValue { ["name"] = "PORT", ["value"] = "5000" }, new MapValue { ["name"] = "RAILS_ENV", ["value"] = "production" }); break;
            case "configmap": container["envFrom"] = Value.List(new MapValue { ["configMapRef"] = new MapValue { ["name"] = "shop-config" } }); break;
            case "baseline-namespace":
                ((MapValue)program.Resource("shop-namespace").At("metadata", "labels")!)["pod-security.kubernetes.io/enforce"] = "baseline";
                break;
            case "open-egress":
                ((MapValue)program.Resource("shop-default-deny").At("spec")!)["egress"] = Value.List(new MapValue());
                break;
            case "no-policy":
                ((MapValue)program.Resource("shop-default-deny").At("spec")!)["podSelector"] = new MapValue { ["matchLabels"] = new MapValue { ["app"] = "x" } };
                break;
            default: throw new ArgumentException(mutation);
        }
    }

    private static MapValue Without(MapValue map, string key) => new(map.Where(e => e.Key != key));
}
