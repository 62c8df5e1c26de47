using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// One app of the plan on ECS: its image repository, logs, secret and roles, then the release phase,
/// the long-running services (web behind a load balancer, workers without), autoscaling and the
/// scheduled jobs. Nothing of the app starts before its data migrations and release phase succeed.
/// </summary>
internal static class AppDeployment
{
    public static void Add(AwsProgram program, AppLanding app, NetworkLanding network, Resource cluster, AppSecurityGroups security,
        IReadOnlyDictionary<string, DatastoreConnection> datastores, IReadOnlyDictionary<string, Resource> migrations)
    {
        var owner = $"app {app.Name}";
        var prefix = AwsNames.Logical(app.Name);
        var repository = ImageRepository.Add(program, app.Name, owner, app.Name);
        var imageTag = program.Config(ConfigKeys.Of(app.Name, "imageTag"), ConfigType.String, program.Options.InitialImageTag,
            $"Tag of the {app.Name} image in its ECR repository to deploy; tags are immutable, so push a new tag for every build and set it here.", owner);
        var image = InterpolationValue.Of(repository.Ref("repositoryUrl"), ":", imageTag);
        program.AddOutput(ConfigKeys.Of(app.Name, "repositoryUrl"), repository.Ref("repositoryUrl"), owner);
        var logs = program.Add($"{prefix}-logs", AwsTypes.LogGroup, new MapValue { ["retentionInDays"] = program.LogRetentionDays }, owner, app: app.Name);
        var secret = AppSecrets.Add(program, app, datastores, out var variables);
        var roles = AppRoles.Add(program, prefix, owner, app.Name, repository.Ref("arn"), logs, secret?.Secret);
        var runtime = new AppRuntime(app, repository, image, logs, secret, variables, roles, security.Tasks, imageTag,
            [$"{prefix}-execution-policy"]);

        // Data first (the copy of the Heroku database), then the release phase (migrations of the
        // new code run on the copied data), then the services.
        var gates = program.Plan.Datastores.Where(d => d.Apps.Contains(app.Name) && migrations.ContainsKey(d.Name))
            .Select(d => migrations[d.Name].Name).ToList();
        List<string> before = [.. runtime.ReadyDependencies, .. gates];
        if (app.Release is { } release)
        {
            var run = ReleasePhase.Add(program, runtime, release, cluster, network, imageTag, before);
            before = [.. runtime.ReadyDependencies, run.Name];
        }

        var web = app.Services.Where(s => s.Kind == ServiceKind.Web).ToList();
        if (web.Count == 0 && program.ServesHttps(app))
            program.Report(FindingSeverity.Warning, owner, $"has domains ({string.Join(", ", app.Domains)}) but no web process; the domains are not routed.");
        foreach (var service in app.Services)
        {
            var subject = $"App {app.Name} process {service.Name}";
            var size = FargateSizes.Fit(service.Compute, subject);
            var key = ConfigKeys.Of(app.Name, service.Name);
            var serviceOwner = $"{owner} process {service.Name}";
            var container = new ContainerSpec(service.Name, image)
            {
                Launch = ProcessLaunch.For(app.Image, service.Command),
                Port = service.Kind == ServiceKind.Web ? service.Port : null,
                WritableRootFilesystem = service.WritableRootFilesystem || program.WritableRoots.Allows(app.Name, service.Name),
                SecretVariables = variables,
                Secret = secret,
            };
            var task = FargateTask.Add(program, AwsNames.Logical(app.Name, service.Name, "task"), AwsNames.Logical(program.Plan.System, app.Name, service.Name),
                key, size, container, roles.Execution.Ref("arn"), roles.Task.Ref("arn"), logs.Ref("name"),
                serviceOwner, app.Name);

            if (service.Count < 0)
                throw new AwsLandingException($"{subject} has a count of {service.Count}; use 0 or more.");
            var scaling = service.Scaling;
            // An autoscaled service ignores later changes of its desired count (autoscaling owns it), so its
            // description must not invite a pulumi config set that would silently do nothing.
            var countDescription = scaling is null
                ? $"Tasks of {app.Name} {service.Name}: its Heroku formation quantity, scaled per process type (0 keeps it stopped; Heroku runs no dynos of a non-web type until it is scaled)."
                : $"Tasks of {app.Name} {service.Name} when its service is created (its Heroku formation quantity); autoscaling owns the count afterwards, so change {key}MinCount and {key}MaxCount instead.";
            var count = program.Config($"{key}Count", ConfigType.Integer, service.Count, countDescription, serviceOwner);
            if (scaling is not null && (scaling.Min < 0 || scaling.Max < Math.Max(scaling.Min, 1)))
                throw new AwsLandingException($"{subject} autoscales from {scaling.Min} to {scaling.Max} tasks; the maximum must be at least the minimum and at least 1.");

            Resource ecsService;
            if (service.Kind == ServiceKind.Web)
            {
                var endpoint = WebService.Add(program, runtime, service, web.Count == 1, cluster, task, network, security.LoadBalancers[service.Name], count,
                    before, scaling is not null);
                ecsService = endpoint.Service;
                var outputPrefix = web.Count == 1 ? [app.Name] : new[] { app.Name, service.Name };
                program.AddOutput(ConfigKeys.Of([.. outputPrefix, "url"]), endpoint.Url, serviceOwner);
                program.AddOutput(ConfigKeys.Of([.. outputPrefix, "loadBalancerDnsName"]), endpoint.LoadBalancer.Ref("dnsName"), serviceOwner);
            }
            else
            {
                ecsService = FargateService.Add(program, runtime, service, cluster, task, network, count, before, loadBalancer: null, scaling is not null);
            }

            program.AddOutput(ConfigKeys.Of(app.Name, service.Name, "serviceName"), ecsService.Ref("name"), serviceOwner);
            if (scaling is not null)
            {
                var minimum = program.Config($"{key}MinCount", ConfigType.Integer, scaling.Min, $"Fewest tasks autoscaling keeps for {app.Name} {service.Name}.", serviceOwner);
                var maximum = program.Config($"{key}MaxCount", ConfigType.Integer, scaling.Max, $"Most tasks autoscaling starts for {app.Name} {service.Name}.", serviceOwner);
                ServiceAutoscaling.Add(program, AwsNames.Logical(app.Name, service.Name), cluster, ecsService, minimum, maximum, serviceOwner, app.Name);
            }
        }

        // Schedules wait like the services: a job fired during the data copy would write into a database
        // still being restored, and one fired before the release phase would run on the old schema.
        foreach (var job in app.ScheduledTasks)
            JobSchedule.Add(program, runtime, job, cluster, network, before);
    }
}
