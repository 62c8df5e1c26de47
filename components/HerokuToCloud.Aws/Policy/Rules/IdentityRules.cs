using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>The IAM policy documents of a program, with the role each one belongs to.</summary>
internal static class PolicyDocuments
{
    public static IEnumerable<(Resource Role, string Resource, MapValue Statement)> Statements(PolicyContext context)
    {
        foreach (var policy in context.OfType(AwsTypes.RolePolicy))
        {
            if (context.Target(PolicyContext.At(policy, "role")) is not { } role)
                continue;
            foreach (var statement in PolicyContext.Items(PolicyContext.At(policy, "policy.Statement")).Select(PolicyContext.Unwrap).OfType<MapValue>())
                yield return (role, policy.Name, statement);
        }

        foreach (var role in context.OfType(AwsTypes.Role))
        {
            foreach (var inline in PolicyContext.Items(PolicyContext.At(role, "inlinePolicies")))
            {
                foreach (var statement in PolicyContext.Items(PolicyContext.At(inline, "policy.Statement")).Select(PolicyContext.Unwrap).OfType<MapValue>())
                    yield return (role, role.Name, statement);
            }
        }
    }

    public static IReadOnlyList<Value> Values(MapValue statement, string key) =>
        PolicyContext.Unwrap(statement[key]) is ListValue list ? list.Items : statement[key] is { } single ? [single] : [];

    public static IEnumerable<string> Actions(MapValue statement) => Values(statement, "Action").Select(PolicyContext.Text).OfType<string>();

    public static bool Allows(MapValue statement) => PolicyContext.Text(statement["Effect"]) == "Allow";
}

/// <summary>
/// IAM.LeastPrivilege: no wildcard actions, no NotAction/NotResource, no AWS managed policies, and
/// "*" as a resource only for actions AWS offers no resource-level permission for.
/// </summary>
public sealed class IamLeastPrivilege() : ProgramRule("IAM.LeastPrivilege", "Roles grant named actions on named resources only")
{
    /// <summary>Actions that only accept "*" as their resource.</summary>
    public static readonly IReadOnlySet<string> ResourceLessActions = new HashSet<string>(StringComparer.Ordinal) { "ecr:GetAuthorizationToken" };

    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        foreach (var (_, resource, statement) in PolicyDocuments.Statements(context).Where(s => PolicyDocuments.Allows(s.Statement)))
        {
            var actions = PolicyDocuments.Actions(statement).ToList();
            foreach (var action in actions.Where(a => a == "*" || a.EndsWith('*')))
                yield return Violation(resource, $"allows the wildcard action {action}; name the actions the role needs.");
            if (statement.ContainsKey("NotAction") || statement.ContainsKey("NotResource"))
                yield return Violation(resource, "uses NotAction or NotResource, which grants everything not listed.");
            var anyResource = PolicyDocuments.Values(statement, "Resource").Any(r => PolicyContext.Text(r) == "*");
            if (anyResource && actions.Any(a => !ResourceLessActions.Contains(a)))
                yield return Violation(resource, $"allows {string.Join(", ", actions.Where(a => !ResourceLessActions.Contains(a)))} on every resource; name the resources.");
        }

        foreach (var role in context.OfType(AwsTypes.Role).Where(r => PolicyContext.Items(PolicyContext.At(r, "managedPolicyArns")).Count > 0))
            yield return Violation(role.Name, "attaches managed policies, which grant more than this role needs; use an inline policy with named resources.");
    }
}

/// <summary>
/// IAM.TaskRoles: an app's task role starts empty (Heroku dynos had no AWS identity) and its
/// execution role reads only the secrets, pulls only the repositories and writes only the log
/// groups of the task definitions that use it.
/// </summary>
public sealed class IamTaskRoles() : ProgramRule("IAM.TaskRoles", "Task roles start empty; execution roles reach only their own app's secret, image and logs")
{
    private static readonly string[] PullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var taskDefinitions = context.OfType(AwsTypes.TaskDefinition).ToList();
        var taskRoles = taskDefinitions.Select(t => context.Target(PolicyContext.At(t, "taskRoleArn"))?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var statements = PolicyDocuments.Statements(context).ToList();
        foreach (var (role, resource, _) in statements.Where(s => taskRoles.Contains(s.Role.Name)).DistinctBy(s => s.Resource))
            yield return Violation(resource, $"grants permissions to the task role {role.Name}; task roles start empty (add what the app needs deliberately, then record it as an exception).");

        foreach (var role in taskDefinitions.Select(t => context.Target(PolicyContext.At(t, "executionRoleArn"))).OfType<Resource>().DistinctBy(r => r.Name))
        {
            var users = taskDefinitions.Where(t => context.Target(PolicyContext.At(t, "executionRoleArn"))?.Name == role.Name).ToList();
            var containers = users.SelectMany(PolicyContext.Containers).ToList();
            var secrets = containers.SelectMany(c => PolicyContext.Items(c["secrets"])).SelectMany(s => context.Targets(PolicyContext.At(s, "valueFrom")))
                .Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var repositories = containers.SelectMany(c => context.Targets(c["image"])).Where(r => r.Type == AwsTypes.Repository)
                .Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var logGroups = containers.SelectMany(c => context.Targets(PolicyContext.At(c, "logConfiguration.options.awslogs-group")))
                .Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

            foreach (var (_, resource, statement) in statements.Where(s => s.Role.Name == role.Name && PolicyDocuments.Allows(s.Statement)))
            {
                var actions = PolicyDocuments.Actions(statement).ToList();
                var targets = PolicyDocuments.Values(statement, "Resource").SelectMany(context.Targets).ToList();
                if (actions.Contains("secretsmanager:GetSecretValue") && targets.Any(t => !secrets.Contains(t.Name)))
                    yield return Violation(resource, $"lets {role.Name} read secrets its tasks do not use ({string.Join(", ", targets.Where(t => !secrets.Contains(t.Name)).Select(t => t.Name))}).");
                if (actions.Intersect(PullActions).Any() && targets.Any(t => t.Type == AwsTypes.Repository && !repositories.Contains(t.Name)))
                    yield return Violation(resource, $"lets {role.Name} pull from repositories its tasks do not run.");
                if (actions.Any(a => a.StartsWith("logs:", StringComparison.Ordinal)) && targets.Any(t => t.Type == AwsTypes.LogGroup && !logGroups.Contains(t.Name)))
                    yield return Violation(resource, $"lets {role.Name} write to log groups its tasks do not use.");
                if (actions.Any(a => !a.StartsWith("ecr:", StringComparison.Ordinal) && !a.StartsWith("logs:", StringComparison.Ordinal) && a != "secretsmanager:GetSecretValue"))
                    yield return Violation(resource, $"gives the execution role {role.Name} actions beyond pulling images, writing logs and reading its secret.");
            }
        }
    }
}

/// <summary>
/// Secrets.NeverPlain: secret config values and generated passwords flow only into Secrets Manager
/// secret values, the database password and the cache AUTH token; never into a task definition,
/// a command, a tag or a stack output, where they would be readable in plain text.
/// </summary>
public sealed class SecretsNeverPlain() : ProgramRule("Secrets.NeverPlain", "Secret values reach only the secret store and the datastores' credentials")
{
    private static readonly HashSet<(string Type, string Property)> Sinks =
    [
        (AwsTypes.SecretVersion, "secretString"),
        (AwsTypes.DbInstance, "password"),
        (AwsTypes.ReplicationGroup, "authToken"),
    ];

    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var secretKeys = context.Program.Config.Where(c => c.Secret).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var generated = context.OfType(AwsTypes.RandomPassword).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        bool IsSecret(Value value) => value is ConfigValue config && secretKeys.Contains(config.Key)
            || value is ReferenceValue reference && generated.Contains(reference.Name);

        foreach (var resource in context.Program.Resources)
        {
            foreach (var (property, value) in resource.Properties)
            {
                if (!Sinks.Contains((resource.Type, property)) && PolicyContext.Walk(value).Any(IsSecret))
                    yield return Violation(resource.Name, $"puts a secret value into {property}, where it is stored in plain text; deliver it through the app's Secrets Manager secret.");
            }
        }

        foreach (var output in context.Program.Outputs.Where(o => PolicyContext.Walk(o.Value).Any(IsSecret)))
            yield return Violation($"output {output.Name}", "exports a secret value; stack outputs are readable by anyone with access to the stack.");
        foreach (var variable in context.Program.Variables.Where(v => PolicyContext.Walk(v.Value).Any(IsSecret)))
            yield return Violation($"variable {variable.Name}", "holds a secret value outside the secret store.");
    }
}
