using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>A web process as deployed: its load balancer, service and public URL.</summary>
internal sealed record WebEndpoint(Resource LoadBalancer, Resource Service, Value Url);

/// <summary>
/// A web process: a Fargate service behind its own internet-facing Application Load Balancer.
/// The load balancer drops invalid headers (ELB.4), mitigates desync attacks (ELB.12), spans both
/// public subnets (ELB.13) and, when the app has domains, serves HTTPS with an ACM certificate and a
/// TLS 1.2/1.3 policy (ELB.17/18) while port 80 only redirects (ELB.1). Its idle timeout matches the
/// Heroku router's 90 s keep-alive and targets drain for Heroku's 30 s shutdown window.
/// </summary>
internal static class WebService
{
    public const int IdleTimeoutSeconds = 90;
    public const int DeregistrationDelaySeconds = 30;
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static WebEndpoint Add(AwsProgram program, AppRuntime runtime, Service service, bool onlyWebProcess, Resource cluster,
        Resource taskDefinition, NetworkLanding network, Resource loadBalancerSecurityGroup, Value desiredCount,
        IReadOnlyList<string> dependsOn, bool autoscaled)
    {
        var app = runtime.App;
        var owner = $"{runtime.Owner} process {service.Name}";
        var prefix = onlyWebProcess ? runtime.Prefix : AwsNames.Logical(app.Name, service.Name);
        // Load balancer and target group names may have 32 characters: long app names are shortened.
        var balancerName = AwsNames.Fit($"{prefix}-alb", AwsNames.LoadBalancerMax);
        var targetsName = AwsNames.Fit($"{prefix}-tg", AwsNames.TargetGroupMax);
        AwsNames.EnsureAutonamable(balancerName, AwsNames.LoadBalancerMax, "load balancer", $"app {app.Name}");
        AwsNames.EnsureAutonamable(targetsName, AwsNames.TargetGroupMax, "target group", $"app {app.Name}");

        var https = program.ServesHttps(app);
        var waivers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!https)
        {
            const string reason = "no custom domain in any stage: the app answers over HTTP on its load balancer host name";
            waivers["ELB.1"] = reason;
            waivers["ELB.18"] = reason;
            program.Report(FindingSeverity.Warning, owner,
                "has no custom domain, so its load balancer serves plain HTTP on its AWS host name (ELB.1/ELB.18 waived); add a domain to the app to get HTTPS with a redirect.");
        }

        var balancer = new MapValue
        {
            ["loadBalancerType"] = "application",
            ["internal"] = false,
            ["securityGroups"] = Value.List(loadBalancerSecurityGroup.Ref("id")),
            ["subnets"] = network.PublicSubnetIds,
            ["dropInvalidHeaderFields"] = true,
            ["desyncMitigationMode"] = "defensive",
            ["idleTimeout"] = IdleTimeoutSeconds,
            ["enableDeletionProtection"] = program.LoadBalancerDeletionProtection,
        };
        if (program.Options.AlbAccessLogsBucket is not null)
        {
            balancer["accessLogs"] = new MapValue
            {
                ["bucket"] = program.AccessLogsBucket,
                ["prefix"] = prefix,
                ["enabled"] = true,
            };
        }
        else
        {
            waivers["ELB.5"] = "no access log bucket was given: generate with --alb-access-logs-bucket to turn access logs on";
        }

        var loadBalancer = program.Add(balancerName, AwsTypes.LoadBalancer, balancer, owner, app: app.Name, waivers: waivers);

        var healthCheckPath = program.Config(ConfigKeys.Of(app.Name, service.Name, "healthCheckPath"), ConfigType.String, service.HealthCheckPath,
            $"Path the load balancer checks on {app.Name} {service.Name}; any 2xx or 3xx answer is healthy. It must be {HealthCheckPathLimit.AllowedForm}.", owner);
        var targets = program.Add(targetsName, AwsTypes.TargetGroup, new MapValue
        {
            ["vpcId"] = network.VpcId,
            ["targetType"] = "ip",
            ["protocol"] = "HTTP",
            ["port"] = service.Port,
            ["deregistrationDelay"] = DeregistrationDelaySeconds,
            ["healthCheck"] = new MapValue
            {
                ["enabled"] = true,
                ["protocol"] = "HTTP",
                ["path"] = healthCheckPath,
                ["matcher"] = "200-399",
                ["interval"] = 15,
                ["timeout"] = 5,
                ["healthyThreshold"] = 2,
                ["unhealthyThreshold"] = 3,
            },
        }, owner, app: app.Name);
        var forward = new MapValue { ["type"] = "forward", ["targetGroupArn"] = targets.Ref("arn") };

        var listeners = new List<string>();
        var http = program.Add($"{prefix}-http", AwsTypes.Listener, new MapValue
        {
            ["loadBalancerArn"] = loadBalancer.Ref("arn"),
            ["port"] = 80,
            ["protocol"] = "HTTP",
            ["defaultActions"] = Value.List(https
                ? new MapValue
                {
                    ["type"] = "redirect",
                    ["redirect"] = new MapValue { ["protocol"] = "HTTPS", ["port"] = "443", ["statusCode"] = "HTTP_301" },
                }
                : forward),
        }, owner, app: app.Name);
        listeners.Add(http.Name);

        Value url;
        if (https)
        {
            var certificateArn = Domains.Add(program, runtime, prefix, loadBalancer, dependsOn);
            var secure = program.Add($"{prefix}-https", AwsTypes.Listener, new MapValue
            {
                ["loadBalancerArn"] = loadBalancer.Ref("arn"),
                ["port"] = 443,
                ["protocol"] = "HTTPS",
                ["sslPolicy"] = TlsPolicy,
                ["certificateArn"] = certificateArn,
                ["defaultActions"] = Value.List(forward),
            }, owner, app: app.Name);
            listeners.Add(secure.Name);
            // An interpolation can only hold references, so the first domain joins in with fn::join.
            url = new JoinValue("", Value.List("https://", new SelectValue(0, new ConfigValue(Domains.Key(app)))));
        }
        else
        {
            url = InterpolationValue.Of("http://", loadBalancer.Ref("dnsName"));
        }

        var ecsService = FargateService.Add(program, runtime, service, cluster, taskDefinition, network, desiredCount,
            [.. dependsOn, .. listeners],
            new MapValue { ["targetGroupArn"] = targets.Ref("arn"), ["containerName"] = service.Name, ["containerPort"] = service.Port },
            autoscaled);
        return new WebEndpoint(loadBalancer, ecsService, url);
    }
}
