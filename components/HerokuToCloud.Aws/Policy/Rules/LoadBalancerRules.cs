using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>Load balancer controls that look at a balancer's listeners.</summary>
internal static class Listeners
{
    public static IEnumerable<Resource> Of(PolicyContext context, Resource loadBalancer) =>
        context.OfType(AwsTypes.Listener).Where(l => context.Target(PolicyContext.At(l, "loadBalancerArn"))?.Name == loadBalancer.Name);

    public static bool RedirectsToHttps(Resource listener) =>
        PolicyContext.Items(PolicyContext.At(listener, "defaultActions")).Any(a =>
            PolicyContext.Text(PolicyContext.At(a, "type")) == "redirect"
            && PolicyContext.Text(PolicyContext.At(a, "redirect.protocol")) == "HTTPS");

    public static bool IsHttps(Resource listener) => PolicyContext.Text(PolicyContext.At(listener, "protocol")) == "HTTPS";
}

/// <summary>ELB.1: port 80 only redirects to HTTPS (an app without a domain opts out, reported).</summary>
public sealed class ElbHttpRedirect() : ResourceRule("ELB.1", "HTTP listeners redirect to HTTPS", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource) =>
        Listeners.Of(context, resource).Where(l => !Listeners.IsHttps(l) && !Listeners.RedirectsToHttps(l))
            .Select(l => $"listener {l.Name} serves plain HTTP; make its default action a redirect to HTTPS.");
}

/// <summary>ELB.4: invalid HTTP header fields are dropped.</summary>
public sealed class ElbDropInvalidHeaders() : ResourceRule("ELB.4", "Invalid HTTP headers are dropped", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "dropInvalidHeaderFields"), true))
            yield return "must set dropInvalidHeaderFields to true.";
    }
}

/// <summary>ELB.5: access logs go to S3 (a stack option; without a bucket it is a reported opt-out).</summary>
public sealed class ElbAccessLogs() : ResourceRule("ELB.5", "Load balancers write access logs", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "accessLogs.enabled"), true) || PolicyContext.At(resource, "accessLogs.bucket") is null)
            yield return "writes no access logs; generate with --alb-access-logs-bucket to send them to S3.";
    }
}

/// <summary>ELB.6: deletion protection is set, as stack config (on in production stacks, off where a stage is disposable).</summary>
public sealed class ElbDeletionProtection() : ProgramRule("ELB.6", "Load balancers have deletion protection in production")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        foreach (var balancer in context.OfType(AwsTypes.LoadBalancer))
        {
            var protection = PolicyContext.At(balancer, "enableDeletionProtection");
            if (protection is null)
                yield return Violation(balancer.Name, "does not set enableDeletionProtection; set it (stack config) for production stacks.");
        }
    }
}

/// <summary>ELB.12: HTTP desync mitigation is defensive or strictest.</summary>
public sealed class ElbDesyncMitigation() : ResourceRule("ELB.12", "Desync mitigation is defensive or strictest", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var mode = PolicyContext.Text(PolicyContext.At(resource, "desyncMitigationMode"));
        if (mode is not (null or "defensive" or "strictest"))
            yield return $"uses desync mitigation mode {mode}; use defensive or strictest.";
    }
}

/// <summary>ELB.13: load balancers span at least two availability zones (two subnets).</summary>
public sealed class ElbMultiAz() : ResourceRule("ELB.13", "Load balancers span two or more availability zones", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var subnets = PolicyContext.At(resource, "subnets");
        if (subnets is null || (subnets is not ConfigValue && PolicyContext.Items(subnets).Count < 2))
            yield return "must be placed in at least two subnets in different availability zones.";
    }

    protected override IEnumerable<string> CheckStack(PolicyContext context, Resource resource)
    {
        var subnets = PolicyContext.At(resource, "subnets");
        if (subnets is ConfigValue && context.Resolve(subnets) is ListValue { Items.Count: < 2 })
            yield return $"has fewer than two subnets{context.Where(subnets)}; give it subnets in two availability zones.";
    }
}

/// <summary>ELB.17: HTTPS listeners use an ACM certificate and a current TLS 1.2/1.3 policy.</summary>
public sealed class ElbTlsPolicy() : ResourceRule("ELB.17", "HTTPS listeners use a current TLS policy and a certificate", AwsTypes.Listener)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!Listeners.IsHttps(resource))
            yield break;
        var policy = PolicyContext.Text(PolicyContext.At(resource, "sslPolicy"));
        if (policy is null || !policy.StartsWith("ELBSecurityPolicy-TLS13-1-2-", StringComparison.Ordinal))
            yield return $"uses the TLS policy {policy ?? "ELBSecurityPolicy-2016-08 (default)"}; use ELBSecurityPolicy-TLS13-1-2-2021-06.";
        if (PolicyContext.At(resource, "certificateArn") is null)
            yield return "has no certificateArn; use the app's ACM certificate.";
    }
}

/// <summary>ELB.18: a load balancer serves its traffic over HTTPS (an app without a domain opts out, reported).</summary>
public sealed class ElbSecureListeners() : ResourceRule("ELB.18", "Load balancers serve traffic over HTTPS", AwsTypes.LoadBalancer)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var listeners = Listeners.Of(context, resource).ToList();
        var plain = listeners.Where(l => !Listeners.IsHttps(l) && !Listeners.RedirectsToHttps(l)).Select(l => l.Name).ToList();
        if (!listeners.Any(Listeners.IsHttps))
            yield return $"has no HTTPS listener{(plain.Count > 0 ? $" and {string.Join(", ", plain)} forwards unencrypted traffic" : "")}; give the app a domain so it gets a certificate.";
        else if (plain.Count > 0)
            yield return $"listener {string.Join(", ", plain)} forwards unencrypted traffic; make it redirect to HTTPS.";
    }
}
