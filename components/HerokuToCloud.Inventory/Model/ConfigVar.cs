namespace HerokuToCloud.Inventory;

/// <summary>
/// A config var, by name only. Its value never enters the inventory; <see cref="Value"/> says
/// where the value will come from on the new platform.
/// </summary>
public sealed record ConfigVar
{
    public required string Name { get; init; }

    public ConfigVarKind Kind { get; init; } = ConfigVarKind.Team;

    /// <summary>For <see cref="ConfigVarKind.Addon"/>: the name of the add-on whose attachment injects it.</summary>
    public string? Addon { get; init; }

    /// <summary>Needed while building the image (see <see cref="BuildTimeHeuristic"/> for the default).</summary>
    public bool BuildTime { get; init; }

    public ConfigValueSource Value { get; init; } = ConfigValueSource.SecretConfig;

    /// <summary>app.json "required"; false means the app runs without it.</summary>
    public bool Required { get; init; } = true;

    public string? Description { get; init; }

    /// <summary>
    /// For a team var whose declared value only names another var of the app (app.json
    /// <c>"READ_DB": "$DATABASE_URL"</c>): that var. The new platform must give it what replaces
    /// that var, never the Heroku value, so the landing and <c>secrets push</c> need the name.
    /// </summary>
    public string? RefersTo { get; init; }

    /// <summary>
    /// With <see cref="RefersTo"/>: the other app of the system whose var it names, for a var set by hand to
    /// the URL a datastore's add-on injects there (shop-admin's DATABASE_URL = shop-web's Heroku Postgres URL).
    /// It gets what replaces that datastore, like an attachment would. Null: the var is one of the same app.
    /// </summary>
    public string? RefersToApp { get; init; }
}

/// <summary>Who sets a config var on Heroku.</summary>
public enum ConfigVarKind
{
    /// <summary>Set by the team (heroku config:set, app.json env).</summary>
    Team,

    /// <summary>Injected by an add-on attachment: rebuilt from a new datastore, or secret config when the add-on is not rebuilt (<see cref="AddonServices"/>).</summary>
    Addon,

    /// <summary>Injected by Heroku's runtime (PORT, DYNO, ...); dropped, or provided by the new platform.</summary>
    Runtime,
}

/// <summary>Where a config var's value comes from on the new platform.</summary>
public enum ConfigValueSource
{
    /// <summary>The team supplies it as Pulumi secret config (pulumi config set --secret).</summary>
    SecretConfig,

    /// <summary>Generated fresh as a random secret (app.json generator: "secret").</summary>
    Generated,

    /// <summary>Rebuilt from the new datastore or service that replaces the add-on.</summary>
    Addon,

    /// <summary>Provided by the new platform itself (PORT) or dropped.</summary>
    Platform,
}
