using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Turns a landing plan into a Kubernetes program: one namespace for the system, a default-deny
/// network baseline, the datastores (CloudNativePG or external Postgres, Valkey or external Redis),
/// the data migration, then per app its Secret, release Job, Deployments, web Service, Ingress,
/// autoscalers, disruption budget, CronJobs and network policies. Order of creation is the order of
/// dependency: database → migration → release → Deployments.
/// </summary>
public static class KubernetesLanding
{
    public static KubernetesProgram Build(LandingPlan plan, KubernetesLandingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Validate(plan);
        var context = new LandingContext(plan, options ?? new KubernetesLandingOptions());
        context.Graph.Pin("kubernetes", ProviderVersions.Kubernetes);
        context.Graph.Pin("random", ProviderVersions.Random);

        SystemNamespace.Build(context);
        DefaultDenyPolicy.Build(context);

        var endpoints = new Dictionary<string, DatastoreEndpoint>(StringComparer.Ordinal);
        var migrations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var datastore in plan.Datastores)
        {
            var endpoint = datastore switch
            {
                PostgresDatastore pg when context.Options.Postgres == PostgresMode.CloudNativePg => PostgresCluster.Build(context, pg),
                RedisDatastore redis when context.Options.Redis == RedisMode.StatefulSet => RedisStatefulSet.Build(context, redis),
                PostgresDatastore or RedisDatastore => ExternalDatastore.Build(context, datastore),
                _ => throw new KubernetesLandingException($"Datastore {datastore.Name} is of a kind the Kubernetes landing does not know ({datastore.GetType().Name})."),
            };
            context.AddEndpoint(endpoint);
            endpoints[datastore.Name] = endpoint;

            var migrates = datastore is PostgresDatastore { MigrateData: true };
            if (datastore is PostgresDatastore postgres && migrates)
            {
                migrations[datastore.Name] = DataMigrationJob.Build(context, postgres, endpoint).Name;
                MigrationEgressPolicy.Build(context, postgres, endpoint);
            }

            DatastorePolicy.Build(context, datastore, endpoint, UsersOf(plan, datastore.Name), migrates);
        }

        foreach (var app in plan.Apps)
            BuildApp(context, app, endpoints, migrations);
        if (plan.Apps.Count > 0 || migrations.Count > 0)
            NodeArchitecture.Advise(context, toolImage: migrations.Count > 0);

        return new KubernetesProgram(context.Graph, context.Stack, context.Required, context.Findings);
    }

    private static void BuildApp(LandingContext context, AppLanding app, IReadOnlyDictionary<string, DatastoreEndpoint> endpoints, IReadOnlyDictionary<string, string> migrations)
    {
        var runtime = AppRuntime.Create(context, app);
        var used = UsedDatastores(context.Plan, app).ToList();
        foreach (var datastore in used)
        {
            runtime.Ready.AddRange(endpoints[datastore].ReadyResources);
            if (migrations.TryGetValue(datastore, out var migration))
                runtime.Ready.Add(migration);
        }

        AppSecret.Build(context, runtime);
        var release = ReleaseJob.Build(context, runtime);
        IReadOnlyList<string> rollAfter = release is not null ? [release.Name] : runtime.Ready.Distinct(StringComparer.Ordinal).ToList();

        foreach (var service in app.Services)
        {
            var deployment = AppDeployment.Build(context, runtime, service, rollAfter);
            Autoscaler.Build(context, runtime, service, deployment);
            if (service.Kind != ServiceKind.Web)
                continue;
            var webService = WebService.Build(context, runtime, service, deployment);
            WebIngress.Build(context, runtime, service, webService);
            DisruptionBudget.Build(context, runtime, service);
            WebIngressPolicy.Build(context, runtime, service);
        }

        foreach (var task in app.ScheduledTasks)
            ScheduledCronJob.Build(context, runtime, task, rollAfter);

        AppEgressPolicy.Build(context, app, used.Select(d => endpoints[d]));
        if (app.BuildSecrets.Count > 0)
            context.Note(app.Name, $"needs {string.Join(", ", app.BuildSecrets)} while building its image; pass them to the image build as build secrets, never to the running pods.");
    }

    /// <summary>The datastores an app reaches: those that list it and those its config vars are rebuilt from.</summary>
    private static IEnumerable<string> UsedDatastores(LandingPlan plan, AppLanding app) =>
        plan.Datastores.Where(d => d.Apps.Contains(app.Name, StringComparer.Ordinal)).Select(d => d.Name)
            .Concat(app.Secrets.Select(s => s.Source).OfType<FromDatastore>().Select(s => s.Datastore))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static List<string> UsersOf(LandingPlan plan, string datastore) =>
        plan.Apps.Where(a => UsedDatastores(plan, a).Contains(datastore, StringComparer.Ordinal)).Select(a => a.Name).ToList();

    private static void Validate(LandingPlan plan)
    {
        KubernetesNames.Require(plan.System, "System name");
        if (string.IsNullOrWhiteSpace(plan.Stack))
            throw new KubernetesLandingException("The landing plan has no stack name; generate it for a stack (--stack prod).");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in plan.Apps)
        {
            KubernetesNames.Require(app.Name, "App name");
            if (!names.Add(app.Name))
                throw new KubernetesLandingException($"The landing plan has two apps named {app.Name}.");
            if (app.Services.Count(s => s.Kind == ServiceKind.Web) > 1)
                throw new KubernetesLandingException($"App {app.Name} has more than one web process; Heroku routes HTTP to the 'web' process only.");
            var processes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var service in app.Services)
            {
                if (!processes.Add(KubernetesNames.Part(service.Name, $"Process type of app {app.Name}")))
                    throw new KubernetesLandingException($"App {app.Name} has two process types that map to the same Kubernetes name ({service.Name}); rename one.");
                if (service.Kind == ServiceKind.Web && (service.Port is < 1024 or > 65535))
                    throw new KubernetesLandingException($"The web process of {app.Name} listens on port {service.Port}; pods run as non-root and must bind a port from 1024 to 65535.");
                if (service.Kind == ServiceKind.Web && HealthCheckPathLimit.Problem(service.HealthCheckPath) is { } pathProblem)
                    throw new KubernetesLandingException($"The health-check path of {app.Name} ('{service.HealthCheckPath}') {pathProblem}; it must be {HealthCheckPathLimit.AllowedForm}.");
                if (service.Count < 0)
                    throw new KubernetesLandingException($"The {service.Name} process of {app.Name} has a negative count ({service.Count}).");
            }

            foreach (var datastore in app.Secrets.Select(s => s.Source).OfType<FromDatastore>().Select(s => s.Datastore))
            {
                if (!plan.Datastores.Any(d => d.Name == datastore))
                    throw new KubernetesLandingException($"App {app.Name} takes a config var from datastore '{datastore}', which the landing plan does not define.");
            }
        }

        foreach (var datastore in plan.Datastores)
        {
            KubernetesNames.Require(datastore.Name, "Datastore name");
            if (!names.Add(datastore.Name))
                throw new KubernetesLandingException($"Datastore {datastore.Name} has the same name as an app or another datastore; Kubernetes labels would not tell them apart. Rename one in the inventory.");
        }
    }
}
