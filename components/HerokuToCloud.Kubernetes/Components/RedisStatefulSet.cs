using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A single Valkey instance replacing a Heroku Key-Value Store (Redis) add-on: a StatefulSet with a
/// persistent volume, a password from the random provider (requirepass), TLS only (Heroku requires
/// TLS on every plan, so REDIS_URL and REDIS_TLS_URL are both rediss://) with a certificate from a
/// namespace-local self-signed cert-manager Issuer, maxmemory from the plan and Heroku's default
/// noeviction policy, and the restricted pod security settings. Clients must not verify the
/// certificate, exactly as Heroku's self-signed Redis certificates already required.
/// </summary>
internal static class RedisStatefulSet
{
    public const int Port = 6379;

    /// <summary>UID and GID of the valkey user in the official Valkey images.</summary>
    public const int ValkeyUser = 999;

    public static DatastoreEndpoint Build(LandingContext context, RedisDatastore redis)
    {
        var name = KubernetesNames.Fit(KubernetesNames.Require(redis.Name, "Datastore name"), 50);
        var labels = PostgresCluster.DatastoreLabels(context, name, "cache");
        var keyPrefix = ConfigKeys.Of(name);
        var what = $"cache {redis.Name}";
        if (redis.Nodes > 1 || redis.HighAvailability)
            context.Warn(redis.Name, $"the Heroku plan had {redis.Nodes} nodes; the generated Valkey runs one instance. Use an external cache (--redis external) or a Valkey operator for replicas and failover.");

        var password = context.Add(new Resource($"{name}-password", KubernetesTypes.RandomPassword)
        {
            Properties = new MapValue { ["length"] = 32, ["special"] = false },
        });
        var authName = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "auth");
        var auth = context.Add(new Resource($"{name}-auth", KubernetesTypes.Secret)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(authName, labels.All()),
                ["type"] = "Opaque",
                ["stringData"] = new MapValue { ["password"] = password.Ref("result") },
            },
        });

        var tlsSecret = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "tls");
        var tls = Certificate(context, name, labels, tlsSecret);
        var headless = HeadlessService(context, name, labels);

        var memoryMiB = Math.Max(redis.MemoryMiB, 25);
        var podMemoryMiB = Math.Max(2 * memoryMiB, 128);
        var resources = ContainerResources.Of(
            context.Setting(ConfigKeys.Of(keyPrefix, "cpu-request"), ConfigType.String, "100m", $"CPU request of {what}."),
            context.Setting(ConfigKeys.Of(keyPrefix, "memory-request"), ConfigType.String, ContainerResources.Memory(podMemoryMiB), $"Memory request of {what} (twice maxmemory, for copy-on-write during persistence)."),
            context.Setting(ConfigKeys.Of(keyPrefix, "cpu-limit"), ConfigType.String, "1", $"CPU limit of {what}."),
            context.Setting(ConfigKeys.Of(keyPrefix, "memory-limit"), ConfigType.String, ContainerResources.Memory(podMemoryMiB), $"Memory limit of {what}."));
        var maxMemory = context.Setting(ConfigKeys.Of(keyPrefix, "maxmemory"), ConfigType.String, $"{memoryMiB}mb", $"maxmemory of {what} (the Heroku plan's memory).");

        var container = new MapValue
        {
            ["name"] = "valkey",
            ["image"] = context.Setting(ConfigKeys.Of(keyPrefix, "image"), ConfigType.String, "valkey/valkey:8.1",
                $"Valkey image of {what}; pin a digest (valkey/valkey:8.1@sha256:...) for production."),
            ["command"] = Value.List("valkey-server"),
            ["args"] = Value.List(
                "--port", "0",
                "--tls-port", Port.ToString(CultureInfo.InvariantCulture),
                "--tls-cert-file", "/tls/tls.crt",
                "--tls-key-file", "/tls/tls.key",
                "--tls-ca-cert-file", "/tls/ca.crt",
                "--tls-auth-clients", "no",
                "--requirepass", "$(VALKEY_PASSWORD)",
                "--maxmemory", maxMemory,
                "--maxmemory-policy", "noeviction",
                "--appendonly", "yes",
                "--dir", "/data"),
            ["env"] = Value.List(new MapValue
            {
                ["name"] = "VALKEY_PASSWORD",
                ["valueFrom"] = new MapValue { ["secretKeyRef"] = new MapValue { ["name"] = authName, ["key"] = "password" } },
            }),
            ["ports"] = Value.List(new MapValue { ["name"] = "redis", ["containerPort"] = Port, ["protocol"] = "TCP" }),
            ["resources"] = resources,
            ["readinessProbe"] = new MapValue { ["tcpSocket"] = new MapValue { ["port"] = "redis" }, ["periodSeconds"] = 10 },
            ["livenessProbe"] = new MapValue { ["tcpSocket"] = new MapValue { ["port"] = "redis" }, ["periodSeconds"] = 20 },
            ["securityContext"] = PodSecurity.Container(readOnlyRootFilesystem: true),
            ["volumeMounts"] = Value.List(
                new MapValue { ["name"] = "data", ["mountPath"] = "/data" },
                new MapValue { ["name"] = "tls", ["mountPath"] = "/tls", ["readOnly"] = true },
                PodSecurity.TmpMount()),
        };

        var podSpec = new MapValue
        {
            ["automountServiceAccountToken"] = false,
            ["enableServiceLinks"] = false,
            ["terminationGracePeriodSeconds"] = 30,
            ["securityContext"] = PodSecurity.Pod(ValkeyUser, fsGroup: ValkeyUser),
            ["containers"] = Value.List(container),
            ["volumes"] = Value.List(
                new MapValue { ["name"] = "tls", ["secret"] = new MapValue { ["secretName"] = tlsSecret } },
                PodSecurity.TmpVolumeSource()),
        };

        var statefulSet = context.Add(new Resource($"{name}-statefulset", KubernetesTypes.StatefulSet)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All()),
                ["spec"] = new MapValue
                {
                    ["serviceName"] = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "headless"),
                    ["replicas"] = 1,
                    ["selector"] = new MapValue { ["matchLabels"] = labels.Selector() },
                    ["template"] = new MapValue
                    {
                        ["metadata"] = new MapValue { ["labels"] = labels.All() },
                        ["spec"] = podSpec,
                    },
                    ["volumeClaimTemplates"] = Value.List(new MapValue
                    {
                        ["metadata"] = new MapValue { ["name"] = "data", ["labels"] = labels.All() },
                        ["spec"] = new MapValue
                        {
                            ["accessModes"] = Value.List("ReadWriteOnce"),
                            ["storageClassName"] = SharedSettings.StorageClass(context),
                            ["resources"] = new MapValue
                            {
                                ["requests"] = new MapValue
                                {
                                    ["storage"] = context.Setting(ConfigKeys.Of(keyPrefix, "storage-size"), ConfigType.String,
                                        ContainerResources.Memory(Math.Max(1024, RoundUpToGiB(4 * memoryMiB))), $"Volume size of {what} (room for the append-only file and its rewrite)."),
                                },
                            },
                        },
                    }),
                },
            },
            Options = new ResourceOptions { DependsOn = [tls.Name, auth.Name, headless.Name] },
        });
        var service = ClientService(context, name, labels, statefulSet);

        var url = InterpolationValue.Of("rediss://:", password.Ref("result"), $"@{name}:{Port}");
        return new DatastoreEndpoint(redis.Name, url, url, Port, labels.Selector())
        {
            // The apps reach the cache by the client Service's name, so they wait for it too.
            ReadyResources = [statefulSet.Name, service.Name],
        };
    }

    private static int RoundUpToGiB(int mebibytes) => (mebibytes + 1023) / 1024 * 1024;

    /// <summary>A self-signed Issuer and the server certificate, as literal cert-manager objects; the provider waits for the Certificate to be Ready.</summary>
    private static Resource Certificate(LandingContext context, string name, Labels labels, string secretName)
    {
        var issuer = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "selfsigned");
        var issuerObject = new MapValue
        {
            ["apiVersion"] = "cert-manager.io/v1",
            ["kind"] = "Issuer",
            ["metadata"] = new MapValue { ["name"] = issuer, ["namespace"] = context.NamespaceName, ["labels"] = labels.All() },
            ["spec"] = new MapValue { ["selfSigned"] = new MapValue() },
        };
        var certificate = new MapValue
        {
            ["apiVersion"] = "cert-manager.io/v1",
            ["kind"] = "Certificate",
            ["metadata"] = new MapValue
            {
                ["name"] = secretName,
                ["namespace"] = context.NamespaceName,
                ["labels"] = labels.All(),
                ["annotations"] = new MapValue { ["pulumi.com/waitFor"] = "condition=Ready" },
            },
            ["spec"] = new MapValue
            {
                ["secretName"] = secretName,
                ["commonName"] = name,
                ["dnsNames"] = Value.List(
                    name,
                    InterpolationValue.Of($"{name}.", context.NamespaceName, ".svc"),
                    InterpolationValue.Of($"{name}.", context.NamespaceName, ".svc.cluster.local")),
                ["usages"] = Value.List("server auth"),
                ["issuerRef"] = new MapValue { ["name"] = issuer, ["kind"] = "Issuer", ["group"] = "cert-manager.io" },
            },
        };
        return context.Add(new Resource($"{name}-tls", KubernetesTypes.ConfigGroup)
        {
            Properties = new MapValue { ["objs"] = Value.List(issuerObject, certificate) },
            Options = new ResourceOptions { DependsOn = [context.NamespaceResource] },
        });
    }

    private static MapValue ServiceSpec(Labels labels, bool headless)
    {
        var spec = new MapValue();
        if (headless)
            spec["clusterIP"] = "None";
        spec["selector"] = labels.Selector();
        spec["ports"] = Value.List(new MapValue { ["name"] = "redis", ["port"] = Port, ["targetPort"] = "redis", ["protocol"] = "TCP" });
        return spec;
    }

    /// <summary>
    /// The headless Service that governs the StatefulSet's pod names, created before it (the StatefulSet
    /// names it). The kubernetes provider does not wait for the pods of a headless Service, so it is
    /// ready at once.
    /// </summary>
    private static Resource HeadlessService(LandingContext context, string name, Labels labels)
    {
        var headlessName = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "headless");
        return context.Add(new Resource($"{name}-headless-service", KubernetesTypes.Service)
        {
            Properties = new MapValue { ["metadata"] = context.Metadata(headlessName, labels.All()), ["spec"] = ServiceSpec(labels, headless: true) },
        });
    }

    /// <summary>
    /// The ClusterIP Service clients connect to, created after the StatefulSet and without the provider's
    /// wait for endpoints, as the web Service is after its Deployment (<see cref="WebService"/>). The
    /// provider waits up to 10 minutes for ready pods behind a ClusterIP Service with a selector; when the
    /// StatefulSet came after this Service, the Service waited for pods that could not exist until it was
    /// ready, and the first pulumi up failed on it. The StatefulSet's own wait already proves Valkey ready.
    /// </summary>
    private static Resource ClientService(LandingContext context, string name, Labels labels, Resource statefulSet) =>
        context.Add(new Resource($"{name}-service", KubernetesTypes.Service)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All(), new MapValue { [KubernetesTypes.SkipAwaitAnnotation] = "true" }),
                ["spec"] = ServiceSpec(labels, headless: false),
            },
            Options = new ResourceOptions { DependsOn = [statefulSet.Name] },
        });
}
