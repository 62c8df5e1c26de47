namespace HerokuToCloud.Inventory;

/// <summary>
/// Which config vars of an app the team supplies as secret config on the new platform: team vars with
/// source secret-config and the vars of add-ons that are not rebuilt (PAPERTRAIL_API_TOKEN). Not the
/// generated, runtime or build-time ones, not a rebuilt datastore's URLs, and not a var that only names
/// such a URL (READ_DB = $DATABASE_URL), which the program builds from the new datastore too. The
/// landing decides the same from its plan (SecretResolution); this is the inventory's view of it, for
/// <c>inventory show</c> and <c>capture --secrets-out</c>.
/// </summary>
public static class SecretConfigVars
{
    /// <summary>
    /// The names of <paramref name="app"/>'s vars that need a value from the team, in the app's order.
    /// Optional team vars (required: false) are left out: <c>secrets push</c> gives them an empty value. An
    /// add-on's var always needs one: the add-on sets it on Heroku whatever app.json says.
    /// </summary>
    public static IReadOnlyList<string> ToSupply(HerokuSystem system, HerokuApp app)
    {
        var services = Services(system.Addons);
        return app.Config
            .Where(v => !v.BuildTime)
            .Where(v => v.Kind switch
            {
                ConfigVarKind.Team => v is { Value: ConfigValueSource.SecretConfig, Required: true } && !RefersToRebuilt(system, app, v, services),
                ConfigVarKind.Addon => !IsRebuilt(v, services),
                _ => false,
            })
            .Select(v => v.Name)
            .ToList();
    }

    /// <summary>
    /// True when <paramref name="var"/> only names a var that a rebuilt datastore's add-on injects: into
    /// <paramref name="app"/>, directly or through other vars that only name one (A_DB = $B_DB, B_DB = $DATABASE_URL),
    /// or into the app its <see cref="ConfigVar.RefersToApp"/> names.
    /// </summary>
    public static bool RefersToRebuilt(HerokuSystem system, HerokuApp app, ConfigVar var) =>
        RefersToRebuilt(system, app, var, Services(system.Addons));

    private static bool RefersToRebuilt(HerokuSystem system, HerokuApp app, ConfigVar var, IReadOnlyDictionary<string, string> services)
    {
        if (var is { RefersToApp: { } otherName, RefersTo: { } target })
            return system.Apps.FirstOrDefault(a => a.Name == otherName) is { } other && InjectsRebuilt(system, other, target, services);
        return ConfigReferences.FinalTarget(app.Config, var.Name) is { } end && InjectsRebuilt(system, app, end, services);
    }

    /// <summary>A rebuilt datastore's add-on injects <paramref name="var"/> into <paramref name="app"/>: the app lists it as its var, or an attachment does.</summary>
    private static bool InjectsRebuilt(HerokuSystem system, HerokuApp app, string var, IReadOnlyDictionary<string, string> services) =>
        app.Config.FirstOrDefault(c => c.Name == var) is { } listed
            ? listed.Kind == ConfigVarKind.Addon && IsRebuilt(listed, services)
            : system.Addons.Any(a => AddonServices.IsRebuiltDatastore(a.Service)
                                     && a.Attachments.Any(t => t.App == app.Name && t.ConfigVars.Contains(var, StringComparer.Ordinal)));

    /// <summary>
    /// An add-on var is rebuilt when its add-on is a datastore the landing replaces; one whose add-on the
    /// inventory does not list counts as rebuilt, since nothing proves it is not a datastore URL.
    /// </summary>
    private static bool IsRebuilt(ConfigVar var, IReadOnlyDictionary<string, string> services) =>
        var.Addon is not { } addon || !services.TryGetValue(addon, out var service) || AddonServices.IsRebuiltDatastore(service);

    private static Dictionary<string, string> Services(IReadOnlyList<Addon> addons) =>
        addons.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Service, StringComparer.Ordinal);
}
