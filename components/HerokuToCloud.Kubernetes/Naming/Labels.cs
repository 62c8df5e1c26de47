using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The recommended app.kubernetes.io labels every object and pod carries. <see cref="Selector"/> is
/// the subset Deployments, Services and NetworkPolicies select on; it never changes after creation
/// (a Deployment's selector is immutable), so it holds only names, never versions.
/// </summary>
public sealed record Labels(string Name, string Instance, string Component, string PartOf)
{
    public const string NameKey = "app.kubernetes.io/name";
    public const string InstanceKey = "app.kubernetes.io/instance";
    public const string ComponentKey = "app.kubernetes.io/component";
    public const string PartOfKey = "app.kubernetes.io/part-of";
    public const string ManagedByKey = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "heroku2cloud";

    /// <summary>Component values the policy rules rely on.</summary>
    public const string WebComponent = "web";

    public MapValue All() => new()
    {
        [NameKey] = Name,
        [InstanceKey] = Instance,
        [ComponentKey] = Component,
        [PartOfKey] = PartOf,
        [ManagedByKey] = ManagedBy,
    };

    public MapValue Selector() => new()
    {
        [NameKey] = Name,
        [InstanceKey] = Instance,
    };

    /// <summary>Labels for objects that belong to the whole system (namespace, shared policies).</summary>
    public static MapValue System(string system, string component) => new()
    {
        [NameKey] = system,
        [ComponentKey] = component,
        [PartOfKey] = system,
        [ManagedByKey] = ManagedBy,
    };
}
