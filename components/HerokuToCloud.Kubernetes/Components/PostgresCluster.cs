using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A CloudNativePG <c>Cluster</c> replacing a Heroku Postgres add-on: three instances (a primary and
/// two replicas) for HA plans, one otherwise; storage, CPU, memory and max_connections from the plan,
/// all stack config. The app owner's password comes from the random provider and reaches CloudNativePG
/// through a basic-auth Secret (bootstrap.initdb.secret), so DATABASE_URL can be rebuilt in the app
/// Secret without reading anything the operator generates. Superuser access stays off (the default).
/// The Cluster is a literal object in a ConfigGroup (Pulumi YAML cannot use CustomResource), annotated
/// so the provider waits for its Ready condition before the migration and the apps start; it is protected.
/// </summary>
internal static class PostgresCluster
{
    public const int Port = 5432;
    public const string Database = "app";
    public const string Owner = "app";
    public const string ClusterLabel = "cnpg.io/cluster";

    /// <summary>The locale of Heroku Postgres databases.</summary>
    private const string HerokuLocale = "en_US.UTF-8";

    public static DatastoreEndpoint Build(LandingContext context, PostgresDatastore postgres)
    {
        // CloudNativePG appends -rw, -ro, -r and instance numbers to the cluster name.
        var name = KubernetesNames.Fit(KubernetesNames.Require(postgres.Name, "Datastore name"), 50);
        var labels = DatastoreLabels(context, name, "database");
        // Descriptions land in Pulumi.yaml, which must be the same for every stage: no plan names or sizes in them.
        var what = $"database {postgres.Name}";

        var password = context.Add(new Resource($"{name}-password", KubernetesTypes.RandomPassword)
        {
            Properties = new MapValue { ["length"] = 32, ["special"] = false },
        });
        var credentialsName = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "app-credentials");
        var credentials = context.Add(new Resource($"{name}-app-credentials", KubernetesTypes.Secret)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(credentialsName, labels.All()),
                ["type"] = "kubernetes.io/basic-auth",
                ["stringData"] = new MapValue { ["username"] = Owner, ["password"] = password.Ref("result") },
            },
        });

        var keyPrefix = ConfigKeys.Of(name);
        var memoryMiB = (int)Math.Ceiling(postgres.MemoryGiB * 1024);
        var cpu = context.Setting(ConfigKeys.Of(keyPrefix, "cpu"), ConfigType.String, ContainerResources.Cpu(postgres.Vcpu), $"CPU of each instance of {what}.");
        var memory = context.Setting(ConfigKeys.Of(keyPrefix, "memory"), ConfigType.String, ContainerResources.Memory(memoryMiB), $"Memory of each instance of {what}.");
        // CloudNativePG creates C unless told otherwise. Heroku's databases sort text by en_US.UTF-8, and a
        // database's locale cannot change after initdb: the default keeps ORDER BY and comparisons as the app
        // knows them (the CloudNativePG images ship en_US.UTF-8).
        var locale = context.Setting(ConfigKeys.Of(keyPrefix, "locale"), ConfigType.String, HerokuLocale,
            $"LC_COLLATE and LC_CTYPE of {what}, fixed when the cluster is created: en_US.UTF-8 sorts text as Heroku Postgres does, C by bytes.");

        var cluster = new MapValue
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Cluster",
            ["metadata"] = new MapValue
            {
                ["name"] = name,
                ["namespace"] = context.NamespaceName,
                ["labels"] = labels.All(),
                ["annotations"] = new MapValue
                {
                    ["pulumi.com/waitFor"] = "condition=Ready",
                    ["pulumi.com/timeoutSeconds"] = "1800",
                },
            },
            ["spec"] = new MapValue
            {
                ["instances"] = context.Setting(ConfigKeys.Of(keyPrefix, "instances"), ConfigType.Integer, postgres.HighAvailability ? 3 : 1,
                    $"PostgreSQL instances of {what}: 3 (primary and two replicas) for HA plans, 1 otherwise."),
                // CloudNativePG guards the primary with a budget of minAvailable: 1 by default. With one
                // instance there is no replica to keep serving, so that budget protects nothing and refuses
                // every drain of the node (cluster upgrades, autoscaler scale-down) until someone deletes it
                // by hand; a drain then restarts the database on another node, as Heroku's maintenance does.
                ["enablePDB"] = context.Setting(ConfigKeys.Of(keyPrefix, "enable-pdb"), ConfigType.Boolean, postgres.HighAvailability,
                    $"Disruption budgets of {what} (CloudNativePG enablePDB): true with replicas; false with one instance, whose budget would block every drain of its node."),
                ["imageName"] = context.Setting(ConfigKeys.Of(keyPrefix, "image"), ConfigType.String, $"ghcr.io/cloudnative-pg/postgresql:{postgres.Version}",
                    $"PostgreSQL operand image of {what} (the Heroku major version); pin a digest for production."),
                ["enableSuperuserAccess"] = false,
                ["inheritedMetadata"] = new MapValue { ["labels"] = labels.All() },
                ["bootstrap"] = new MapValue
                {
                    ["initdb"] = new MapValue
                    {
                        ["database"] = Database,
                        ["owner"] = Owner,
                        ["secret"] = new MapValue { ["name"] = credentialsName },
                        ["encoding"] = "UTF8",
                        ["localeCollate"] = locale,
                        ["localeCType"] = locale,
                    },
                },
                ["postgresql"] = new MapValue
                {
                    ["parameters"] = new MapValue
                    {
                        ["max_connections"] = context.Setting(ConfigKeys.Of(keyPrefix, "max-connections"), ConfigType.String,
                            postgres.ConnectionLimit.ToString(CultureInfo.InvariantCulture), $"max_connections of {what} (the Heroku plan's connection limit)."),
                    },
                },
                ["storage"] = new MapValue
                {
                    ["size"] = context.Setting(ConfigKeys.Of(keyPrefix, "storage-size"), ConfigType.String, $"{postgres.StorageGiB}Gi",
                        $"Volume size of each instance of {what} (grow it with an expandable StorageClass)."),
                    ["storageClass"] = SharedSettings.StorageClass(context),
                },
                ["resources"] = ContainerResources.Of(cpu, memory, cpu, memory),
            },
        };

        var group = context.Add(new Resource($"{name}-cluster", KubernetesTypes.ConfigGroup)
        {
            Properties = new MapValue { ["objs"] = Value.List(cluster) },
            Options = new ResourceOptions
            {
                DependsOn = [context.NamespaceResource, credentials.Name],
                // Protecting the group protects the Cluster inside it: pulumi destroy refuses until it is unprotected.
                Protect = true,
            },
        });

        context.Warn(postgres.Name, "CloudNativePG keeps no backups until you configure them (spec.backup with an object store, or volume snapshots); Heroku Postgres had them built in.");
        var url = InterpolationValue.Of($"postgres://{Owner}:", password.Ref("result"), $"@{name}-rw:{Port}/{Database}");
        return new DatastoreEndpoint(postgres.Name, url, url, Port, new MapValue { [ClusterLabel] = name })
        {
            ReadyResources = [group.Name],
        };
    }

    public static Labels DatastoreLabels(LandingContext context, string name, string component) =>
        new(name, name, component, context.Plan.System);
}
