using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// The secret config keys of a stack whose app runs without them (app.json <c>required: false</c> in the
/// Heroku app of the stack's stage), so every way of supplying secrets treats them alike: `secrets push`
/// gives one without a value an empty value, and the manifests' create-secrets.sh does the same for an
/// unset variable. One rule, here, so the two cannot disagree about which vars are optional.
/// </summary>
public static class OptionalSecrets
{
    /// <summary>The <see cref="FromSecretConfig"/> keys of <paramref name="plan"/> (a plan of <paramref name="system"/>) that are optional.</summary>
    public static IReadOnlySet<string> ConfigKeys(HerokuSystem system, LandingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(plan);
        var apps = system.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var links = AddonLinks.Build(system, new FindingLog());
        return plan.Apps
            .SelectMany(landing => landing.Secrets
                .Where(entry => entry.Source is FromSecretConfig && SourceApp(landing, entry.Name, apps, links) is not null)
                .Select(entry => ((FromSecretConfig)entry.Source).ConfigKey))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The stack's Heroku app when it declares <paramref name="var"/> optional (app.json <c>required: false</c>)
    /// and no add-on injects it there; null otherwise (no app in the stage, a required var, an add-on value).
    /// </summary>
    internal static string? SourceApp(AppLanding landing, string var, IReadOnlyDictionary<string, HerokuApp> apps, AddonLinks links) =>
        landing.SourceApp is { } source && apps[source] is var app
        && app.Config.Any(c => c.Name == var && c is { Kind: ConfigVarKind.Team, Required: false }) && links.Injecting(app, var) is null
            ? source
            : null;
}
