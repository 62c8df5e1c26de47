using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The limits Kubernetes (and CloudNativePG) put on a Kubernetes program's stack values, read from the
/// fields that use them wherever they appear, in resources and in the literal objects of ConfigGroups:
/// <c>replicas</c> (0 or more), an autoscaler's <c>minReplicas</c>/<c>maxReplicas</c> (the fewest at
/// least 1: scaling to zero is an alpha feature gate), <c>instances</c> and <c>activeDeadlineSeconds</c>
/// (at least 1), <c>max_connections</c> (a whole number), and every quantity under <c>resources</c>
/// requests and limits or a volume's <c>storage.size</c> (a valid, positive quantity, each request at
/// most its limit), the value after a <c>--maxmemory</c> argument (Valkey's own units), an <c>httpGet</c>
/// probe's <c>path</c> (an absolute path the kubelet can call) and a <c>nodeSelector</c> on
/// <c>kubernetes.io/arch</c> (an architecture the images are built for). Only fields set from a config
/// key limit stack values.
/// </summary>
public static class KubernetesStackValueLimits
{
    public static StackValueLimits Read(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var limits = new StackValueLimits();
        foreach (var resource in graph.Resources)
            Walk(resource.Properties, limits);
        return limits;
    }

    private static void Walk(Value? value, StackValueLimits limits)
    {
        switch (value)
        {
            case MapValue map:
                Read(map, limits);
                foreach (var (_, inner) in map)
                    Walk(inner, limits);
                break;
            case ListValue list:
                ReadArguments(list, limits);
                foreach (var item in list.Items)
                    Walk(item, limits);
                break;
            case JsonValue json:
                Walk(json.Inner, limits);
                break;
        }
    }

    private static void Read(MapValue map, StackValueLimits limits)
    {
        if (map["replicas"] is ConfigValue replicas)
            limits.Add(new CountLimit(replicas.Key, "a replica count"));
        if (map["minReplicas"] is ConfigValue min && map["maxReplicas"] is ConfigValue max)
            limits.Add(new RangeLimit(min.Key, max.Key, "replicas", LeastMinimum: 1));
        if (map["instances"] is ConfigValue instances)
            limits.Add(new CountLimit(instances.Key, "an instance count", Least: 1));
        if (map["activeDeadlineSeconds"] is ConfigValue deadline)
            limits.Add(new CountLimit(deadline.Key, "a number of seconds", Least: 1));
        if (map["max_connections"] is ConfigValue connections)
            limits.Add(new CountLimit(connections.Key, "a connection limit", Least: 1));
        if (map["storage"] is MapValue storage && storage["size"] is ConfigValue size)
            limits.Add(new QuantityLimit(size.Key, "storage"));
        if (map["resources"] is MapValue resources)
            ReadResources(resources, limits);
        if (map["httpGet"] is MapValue httpGet && httpGet["path"] is ConfigValue path)
            limits.Add(new HealthCheckPathLimit(path.Key));
        if (map["nodeSelector"] is MapValue selector && selector[NodeArchitecture.NodeLabel] is ConfigValue architecture)
            limits.Add(new ChoiceLimit(architecture.Key, "a node architecture", NodeArchitecture.Choices));
    }

    /// <summary>A command line whose <c>--maxmemory</c> takes a config key (the Valkey StatefulSet's).</summary>
    private static void ReadArguments(ListValue arguments, StackValueLimits limits)
    {
        foreach (var (flag, value) in arguments.Items.Zip(arguments.Items.Skip(1)))
        {
            if (flag is StringValue { Text: "--maxmemory" } && value is ConfigValue maxMemory)
                limits.Add(new MaxMemoryLimit(maxMemory.Key));
        }
    }

    /// <summary>A container's or volume claim's requests and limits: each a quantity, each request at most its limit.</summary>
    private static void ReadResources(MapValue resources, StackValueLimits limits)
    {
        QuantityLimit? At(string section, string name) =>
            resources[section] is MapValue amounts && amounts[name] is ConfigValue config ? new QuantityLimit(config.Key, name) : null;

        var names = new[] { "requests", "limits" }
            .SelectMany(section => resources[section] is MapValue amounts ? amounts.Select(e => e.Key) : [])
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var request = At("requests", name);
            var limit = At("limits", name);
            if (request is not null)
                limits.Add(request);
            if (limit is not null)
                limits.Add(limit);
            if (request is not null && limit is not null && request.Key != limit.Key)
                limits.Add(new RequestWithinLimit(request, limit));
        }
    }
}
