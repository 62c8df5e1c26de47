using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// One Secret per app holding its whole run-time environment, which every pod reads with envFrom.
/// Values come from Pulumi secret config, from the random provider (app.json "secret" generators)
/// or are rebuilt from the app's new datastores; none is ever written into the program.
/// The Secret is auto-named: the kubernetes provider replaces a Secret whose data changes, the new
/// name reaches every pod template, and so a config change restarts the app and reruns its release
/// phase, as a config var change does on Heroku.
/// </summary>
internal static class AppSecret
{
    public static void Build(LandingContext context, AppRuntime runtime)
    {
        var app = runtime.App;
        if (app.Secrets.Count == 0)
            return;

        var data = new MapValue();
        foreach (var entry in app.Secrets.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (data.ContainsKey(entry.Name))
                throw new KubernetesLandingException($"App {app.Name} lists config var {entry.Name} twice; keep one.");
            data[entry.Name] = entry.Source switch
            {
                FromSecretConfig config => context.SecretSetting(config.ConfigKey, $"{entry.Name} of {app.Name} (Heroku config var)."),
                GeneratedSecret generated => Generated(context, app, entry.Name, generated.Length),
                FromDatastore store => context.Endpoint(store.Datastore, $"Config var {entry.Name} of app {app.Name}").For(store.Url),
                _ => throw new KubernetesLandingException($"Config var {entry.Name} of app {app.Name} has a value source the Kubernetes landing does not know."),
            };
            if (entry.Source is FromDatastore used)
                runtime.Ready.AddRange(context.Endpoint(used.Datastore, app.Name).ReadyResources);
        }

        var labels = runtime.Labels(KubernetesNames.Join(KubernetesNames.MaxLabel, app.Name, "env"), "config");
        var secret = context.Add(new Resource($"{app.Name}-env", KubernetesTypes.Secret)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(null, labels.All()),
                ["type"] = "Opaque",
                ["stringData"] = data,
            },
        });
        runtime.SecretName = secret.Ref("metadata.name");
    }

    /// <summary>A random value from the random provider; letters and digits only, so it is safe in URLs and shells.</summary>
    public static Value Generated(LandingContext context, AppLanding app, string variable, int length)
    {
        if (length is < 16 or > 512)
            throw new KubernetesLandingException($"Config var {variable} of app {app.Name} asks for a generated secret of {length} characters; use 16 to 512.");
        var password = context.Add(new Resource($"{app.Name}-{KubernetesNames.Part(variable, "Config var")}-random", KubernetesTypes.RandomPassword)
        {
            Properties = new MapValue
            {
                ["length"] = length,
                ["special"] = false,
            },
        });
        return password.Ref("result");
    }
}
