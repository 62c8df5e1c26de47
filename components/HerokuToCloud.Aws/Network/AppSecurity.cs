using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>An app's security groups: one for all its tasks, one per web process's load balancer.</summary>
internal sealed record AppSecurityGroups(Resource Tasks, IReadOnlyDictionary<string, Resource> LoadBalancers);

/// <summary>
/// The network paths of an app (EC2.18): the internet reaches its load balancers on 80 and 443 only,
/// a load balancer reaches the tasks on the container port only, tasks accept nothing else and may
/// call out. Datastores later admit the task group, so only this app's tasks reach them.
/// </summary>
internal static class AppSecurity
{
    public static AppSecurityGroups Add(AwsProgram program, NetworkLanding network, AppLanding app)
    {
        var owner = $"app {app.Name}";
        var prefix = AwsNames.Logical(app.Name);
        var tasks = SecurityGroups.Add(program, network, $"{prefix}-tasks-sg", $"Tasks of {app.Name}", owner, app.Name);
        SecurityGroups.AllowAllOutbound(program, tasks, $"{prefix}-tasks-outbound", owner, app.Name);

        var balancers = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var web = app.Services.Where(s => s.Kind == ServiceKind.Web).ToList();
        foreach (var service in web)
        {
            ValidatePort(app, service);
            var balancerPrefix = web.Count == 1 ? prefix : AwsNames.Logical(app.Name, service.Name);
            var balancer = SecurityGroups.Add(program, network, $"{balancerPrefix}-alb-sg", $"Load balancer of {app.Name} {service.Name}", owner, app.Name);
            SecurityGroups.AllowInternet(program, balancer, 80, $"{balancerPrefix}-alb-http-in", owner, app.Name);
            if (program.ServesHttps(app))
                SecurityGroups.AllowInternet(program, balancer, 443, $"{balancerPrefix}-alb-https-in", owner, app.Name);
            SecurityGroups.AllowTo(program, balancer, tasks, service.Port, $"{balancerPrefix}-alb-to-tasks",
                $"To {app.Name} {service.Name} on its container port", owner, app.Name);
            SecurityGroups.AllowFrom(program, tasks, balancer, service.Port, $"{balancerPrefix}-tasks-from-alb",
                $"From the load balancer of {service.Name}", owner, app.Name);
            balancers[service.Name] = balancer;
        }

        return new AppSecurityGroups(tasks, balancers);
    }

    private static void ValidatePort(AppLanding app, Service service)
    {
        // Fargate tasks cannot bind privileged ports as non-root, and Heroku's PORT is never below 1024.
        if (service.Port is < 1024 or > 65535)
            throw new AwsLandingException($"App {app.Name} process {service.Name} listens on port {service.Port}; use a port from 1024 to 65535.");
    }
}
