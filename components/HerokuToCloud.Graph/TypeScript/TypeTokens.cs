namespace HerokuToCloud.Graph.TypeScript;

/// <summary>
/// Where a Pulumi type token lives in the provider's TypeScript SDK. The SDKs follow one convention
/// (checked against every token in the pinned typings by the tests): the token's module becomes the
/// namespace, the <c>index</c> module is the package root, the part after '/' in a module is the file
/// and not part of the name, and Kubernetes groups keep their first label
/// (<c>networking.k8s.io/v1</c> → <c>networking.v1</c>). Functions are called in their <c>...Output</c> form.
/// </summary>
public static class TypeTokens
{
    /// <summary>The identifier a package is imported as and the npm module it comes from.</summary>
    public static (string Alias, string Module) Import(string package) => package switch
    {
        "pulumi" => ("pulumi", "@pulumi/pulumi"),
        "kubernetes" => ("k8s", "@pulumi/kubernetes"),
        _ => (TypeScriptNames.Sanitize(package), "@pulumi/" + package),
    };

    /// <summary>
    /// The class for a resource type token: <c>aws:ecs/service:Service</c> and <c>aws:ecs:Service</c> →
    /// <c>aws.ecs.Service</c>, <c>random:RandomPassword</c> → <c>random.RandomPassword</c>,
    /// <c>kubernetes:apps/v1:Deployment</c> → <c>k8s.apps.v1.Deployment</c>, <c>pulumi:providers:aws</c> → <c>aws.Provider</c>.
    /// </summary>
    public static string ResourceClass(string token)
    {
        var parts = token.Split(':');
        if (parts is ["pulumi", "providers", var providerPackage])
            return Import(providerPackage).Alias + ".Provider";
        if (parts is ["pulumi", "pulumi", "StackReference"])
            return "pulumi.StackReference";
        return Member(parts, token);
    }

    /// <summary>
    /// The <c>...Output</c> function for an invoke token: <c>aws:getAvailabilityZones</c> and
    /// <c>aws:index/getAvailabilityZones:getAvailabilityZones</c> → <c>aws.getAvailabilityZonesOutput</c>.
    /// </summary>
    public static string FunctionOutput(string token) => Member(token.Split(':'), token) + "Output";

    private static string Member(string[] parts, string token)
    {
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
            throw new ArgumentException($"\"{token}\" is not a type token (package:module:Type).", nameof(token));
        var alias = Import(parts[0]).Alias;
        var name = parts[^1];
        var module = parts.Length == 3 ? Namespace(parts[0], parts[1]) : "";
        return module.Length == 0 ? $"{alias}.{name}" : $"{alias}.{module}.{name}";
    }

    private static string Namespace(string package, string module)
    {
        if (package == "kubernetes")
        {
            var slash = module.IndexOf('/', StringComparison.Ordinal);
            var group = slash < 0 ? module : module[..slash];
            var version = slash < 0 ? null : module[(slash + 1)..];
            group = group.Split('.')[0];
            return version is null ? group : $"{group}.{version}";
        }

        var head = module.Split('/')[0];
        return head == "index" ? "" : head;
    }
}
