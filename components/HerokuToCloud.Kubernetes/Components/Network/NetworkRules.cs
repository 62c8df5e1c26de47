using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>Building blocks of NetworkPolicy rules shared by the policies.</summary>
internal static class NetworkRules
{
    /// <summary>Internet destinations: everything except private, link-local (cloud metadata) and carrier-grade NAT ranges.</summary>
    public static readonly string[] PrivateIPv4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10"];

    public static readonly string[] PrivateIPv6 = ["fc00::/7", "fe80::/10"];

    public static MapValue Port(int port, string protocol = "TCP") => new() { ["protocol"] = protocol, ["port"] = port };

    public static ListValue Ports(params int[] ports) => Value.List(ports.Select(p => (Value)Port(p)));

    public static MapValue Pods(MapValue matchLabels) => new() { ["podSelector"] = new MapValue { ["matchLabels"] = matchLabels } };

    /// <summary>Pods of any of the given apps (by app.kubernetes.io/name) within the system.</summary>
    public static MapValue AppPods(string system, IEnumerable<string> apps) => new()
    {
        ["podSelector"] = new MapValue
        {
            ["matchLabels"] = new MapValue { [Labels.PartOfKey] = system },
            ["matchExpressions"] = Value.List(new MapValue
            {
                ["key"] = Labels.NameKey,
                ["operator"] = "In",
                ["values"] = Value.List(apps.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(a => (Value)a)),
            }),
        },
    };

    /// <summary>Pods in the namespace named by <paramref name="namespaceName"/> (its kubernetes.io/metadata.name label).</summary>
    public static MapValue InNamespace(Value namespaceName, MapValue? podLabels = null)
    {
        var peer = new MapValue
        {
            ["namespaceSelector"] = new MapValue { ["matchLabels"] = new MapValue { ["kubernetes.io/metadata.name"] = namespaceName } },
        };
        if (podLabels is not null)
            peer["podSelector"] = new MapValue { ["matchLabels"] = podLabels };
        return peer;
    }

    /// <summary>Any address, IPv4 and IPv6; with <paramref name="publicOnly"/>, the private ranges are excepted.</summary>
    public static ListValue Anywhere(bool publicOnly) => Value.List(
        IpBlock("0.0.0.0/0", publicOnly ? PrivateIPv4 : []),
        IpBlock("::/0", publicOnly ? PrivateIPv6 : []));

    private static MapValue IpBlock(string cidr, string[] except)
    {
        var block = new MapValue { ["cidr"] = cidr };
        if (except.Length > 0)
            block["except"] = Value.List(except.Select(e => (Value)e));
        return new MapValue { ["ipBlock"] = block };
    }

    /// <summary>
    /// A NetworkPolicy for the selected pods. A null rule list leaves that direction alone; an empty
    /// one isolates it with nothing allowed (the default-deny shape).
    /// </summary>
    public static Resource Policy(LandingContext context, string logicalName, string name, MapValue labels, MapValue podSelector, ListValue? ingressRules, ListValue? egressRules)
    {
        var types = new List<Value>();
        var spec = new MapValue { ["podSelector"] = podSelector };
        if (ingressRules is not null)
            types.Add("Ingress");
        if (egressRules is not null)
            types.Add("Egress");
        spec["policyTypes"] = Value.List(types);
        if (ingressRules is { Items.Count: > 0 })
            spec["ingress"] = ingressRules;
        if (egressRules is { Items.Count: > 0 })
            spec["egress"] = egressRules;
        return context.Add(new Resource(logicalName, KubernetesTypes.NetworkPolicy)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels),
                ["spec"] = spec,
            },
        });
    }
}
