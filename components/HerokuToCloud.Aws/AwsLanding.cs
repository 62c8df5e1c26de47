using System.Text.RegularExpressions;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// Turns a landing plan into an AWS program: network, ECS cluster, datastores (each followed by its
/// data migration), then every app, then the stack outputs. The entry point of the AWS components.
/// </summary>
public static partial class AwsLanding
{
    /// <param name="plan">The plan of the stack to generate.</param>
    /// <param name="options">AWS choices the inventory does not make.</param>
    /// <param name="stages">
    /// The plans of the system's other stacks (every pipeline stage). The program's shape must not
    /// depend on the stack; the one thing the plans leave to the stage that shapes it is whether an app
    /// has custom domains at all, so an app gets HTTPS when any stage has a domain for it.
    /// </param>
    public static AwsLandingResult Build(LandingPlan plan, AwsLandingOptions? options = null, IEnumerable<LandingPlan>? stages = null)
    {
        options ??= new AwsLandingOptions();
        options.Validate();
        Validate(plan);

        var program = new AwsProgram(plan, options, stages ?? []);
        var network = Network.Add(program);
        var cluster = Cluster.Add(program);
        program.AddOutput("clusterName", cluster.Ref("name"), "the ECS cluster");

        var security = plan.Apps.ToDictionary(a => a.Name, a => AppSecurity.Add(program, network, a), StringComparer.Ordinal);
        var taskGroups = security.ToDictionary(s => s.Key, s => s.Value.Tasks, StringComparer.Ordinal);
        var connections = new Dictionary<string, DatastoreConnection>(StringComparer.Ordinal);
        var migrations = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var store in plan.Datastores)
        {
            var connection = store switch
            {
                PostgresDatastore database => PostgresDatabase.Add(program, network, database, taskGroups),
                RedisDatastore cache => RedisCache.Add(program, network, cache, taskGroups),
                _ => throw new AwsLandingException($"Datastore {store.Name} ({store.HerokuService}) has no AWS equivalent in this version."),
            };
            connections[store.Name] = connection;
            program.AddOutput(ConfigKeys.Of(store.Name, "endpoint"),
                connection.Primary.Ref(store is PostgresDatastore ? "address" : "primaryEndpointAddress"), $"datastore {store.Name}");
            if (store is PostgresDatastore { MigrateData: true } migrated)
                migrations[store.Name] = DataMigration.Add(program, network, cluster, migrated, connection);
        }

        foreach (var app in plan.Apps)
            AppDeployment.Add(program, app, network, cluster, security[app.Name], connections, migrations);
        if (plan.Apps.Count > 0 || migrations.Count > 0)
            TaskArchitecture.Advise(program, toolImage: migrations.Count > 0);

        var config = program.Graph.Config;
        return new AwsLandingResult(
            program.Graph,
            program.Stack,
            [.. plan.Findings, .. program.Findings],
            [.. config.Where(c => c.Secret).Select(c => c.Key)],
            [.. config.Where(c => !c.Secret && !program.Stack.Values.ContainsKey(c.Key)).Select(c => c.Key)])
        {
            Limits = AwsStackValueLimits.Read(program.Graph),
        };
    }

    private static void Validate(LandingPlan plan)
    {
        if (!ProjectPattern().IsMatch(plan.System))
            throw new AwsLandingException($"The system name '{plan.System}' cannot be a Pulumi project name; use lower-case letters, digits and dashes, starting with a letter.");
        if (!StackPattern().IsMatch(plan.Stack))
            throw new AwsLandingException($"The stack name '{plan.Stack}' is not a Pulumi stack name; use letters, digits, dashes, underscores and dots.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in plan.Apps)
        {
            if (!ProjectPattern().IsMatch(app.Name))
                throw new AwsLandingException($"The app name '{app.Name}' would make invalid AWS names; use lower-case letters, digits and dashes, starting with a letter.");
            if (!seen.Add(app.Name))
                throw new AwsLandingException($"The landing plan has two apps named {app.Name}.");
            foreach (var service in app.Services.GroupBy(s => AwsNames.Logical(s.Name)).Where(g => g.Count() > 1))
                throw new AwsLandingException($"App {app.Name} has processes {string.Join(" and ", service.Select(s => s.Name))}, which map to the same AWS names; rename one.");
        }

        foreach (var store in plan.Datastores)
        {
            if (!ProjectPattern().IsMatch(store.Name))
                throw new AwsLandingException($"The datastore name '{store.Name}' would make invalid AWS names; use lower-case letters, digits and dashes, starting with a letter.");
            if (!seen.Add(store.Name))
                throw new AwsLandingException($"The name {store.Name} is used by two apps or datastores in the landing plan; rename one.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex StackPattern();
}
