using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>ECR.1: images are scanned on push.</summary>
public sealed class EcrScanOnPush() : ResourceRule("ECR.1", "Repositories scan images on push", AwsTypes.Repository)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "imageScanningConfiguration.scanOnPush"), true))
            yield return "must set imageScanningConfiguration.scanOnPush to true.";
    }
}

/// <summary>ECR.2: tags are immutable, so a deployed tag always names the same image.</summary>
public sealed class EcrImmutableTags() : ResourceRule("ECR.2", "Repositories have immutable tags", AwsTypes.Repository)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (PolicyContext.Text(PolicyContext.At(resource, "imageTagMutability")) != "IMMUTABLE")
            yield return "must set imageTagMutability to IMMUTABLE.";
    }
}

/// <summary>ECR.3: every repository has a lifecycle policy.</summary>
public sealed class EcrLifecyclePolicy() : ResourceRule("ECR.3", "Repositories have a lifecycle policy", AwsTypes.Repository)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.OfType(AwsTypes.LifecyclePolicy).Any(p => context.Target(PolicyContext.At(p, "repository"))?.Name == resource.Name))
            yield return "has no lifecycle policy; add one that expires untagged and old images.";
    }
}

/// <summary>CloudWatch.16: log groups keep logs for at least a year in every stack.</summary>
public sealed class LogRetention() : ResourceRule("CloudWatch.16", "Log groups keep logs for at least 365 days", AwsTypes.LogGroup)
{
    public const int MinimumDays = 365;

    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "retentionInDays");
        if (retention is null)
            yield return "has no retention setting; set retentionInDays (stack config logRetentionDays).";
        else if (retention is not ConfigValue && context.Number(retention) is { } days && days != 0 && days < MinimumDays)
            yield return $"keeps logs for {days} day{(days == 1 ? "" : "s")}; CloudWatch.16 asks for at least {MinimumDays}.";
    }

    protected override IEnumerable<string> CheckStack(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "retentionInDays");
        if (retention is ConfigValue && context.Number(retention) is { } days && days != 0 && days < MinimumDays)
            yield return $"keeps logs for {days} day{(days == 1 ? "" : "s")}{context.Where(retention)}; CloudWatch.16 asks for at least {MinimumDays}.";
    }
}
