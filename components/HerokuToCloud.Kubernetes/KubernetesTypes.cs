namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Pulumi type tokens of the resources the Kubernetes components create, spelled as the
/// @pulumi/kubernetes 4.34.2 and @pulumi/random 4.21.2 schemas spell them.
/// </summary>
public static class KubernetesTypes
{
    /// <summary>Tells the kubernetes provider not to wait for the object's readiness (a provider annotation, not a type).</summary>
    public const string SkipAwaitAnnotation = "pulumi.com/skipAwait";

    /// <summary>Tells the kubernetes provider to replace a Job that is not complete on the next update instead of waiting for it again.</summary>
    public const string ReplaceUnreadyAnnotation = "pulumi.com/replaceUnready";

    public const string Namespace = "kubernetes:core/v1:Namespace";
    public const string Secret = "kubernetes:core/v1:Secret";
    public const string Service = "kubernetes:core/v1:Service";
    public const string Deployment = "kubernetes:apps/v1:Deployment";
    public const string StatefulSet = "kubernetes:apps/v1:StatefulSet";
    public const string Job = "kubernetes:batch/v1:Job";
    public const string CronJob = "kubernetes:batch/v1:CronJob";
    public const string Ingress = "kubernetes:networking.k8s.io/v1:Ingress";
    public const string NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    public const string HorizontalPodAutoscaler = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    public const string PodDisruptionBudget = "kubernetes:policy/v1:PodDisruptionBudget";

    /// <summary>
    /// Literal Kubernetes objects, used for custom resources (CloudNativePG, cert-manager): Pulumi YAML
    /// refuses <c>kubernetes:apiextensions.k8s.io:CustomResource</c> ("not supported in YAML"), and
    /// the provider's own advice for YAML programs is a ConfigGroup with <c>objs</c>.
    /// </summary>
    public const string ConfigGroup = "kubernetes:yaml/v2:ConfigGroup";

    public const string RandomPassword = "random:index/randomPassword:RandomPassword";

    /// <summary>The type token of a manifest's apiVersion and kind, as the Pulumi kubernetes provider spells it (v1 → core/v1); the inverse of <see cref="ApiVersionAndKind"/>.</summary>
    public static string Of(string apiVersion, string kind) =>
        $"kubernetes:{(apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion : "core/" + apiVersion)}:{kind}";

    /// <summary>The Kubernetes API group/version and kind a type token stands for ("apps/v1", "Deployment"); null for non-object tokens.</summary>
    public static (string ApiVersion, string Kind)? ApiVersionAndKind(string type)
    {
        var parts = type.Split(':');
        if (parts.Length != 3 || parts[0] != "kubernetes" || !parts[1].Contains('/', StringComparison.Ordinal) || parts[1].StartsWith("yaml/", StringComparison.Ordinal))
            return null;
        var apiVersion = parts[1].StartsWith("core/", StringComparison.Ordinal) ? parts[1]["core/".Length..] : parts[1];
        return (apiVersion, parts[2]);
    }
}
