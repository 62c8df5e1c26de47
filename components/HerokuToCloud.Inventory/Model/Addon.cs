namespace HerokuToCloud.Inventory;

/// <summary>
/// An add-on: one provisioned service (database, cache, SaaS) and every app attachment to it.
/// Heroku shares add-ons across apps, so the inventory lists each once.
/// </summary>
public sealed record Addon
{
    /// <summary>Add-on name, unique within the system (Heroku's generated name or the manifest's).</summary>
    public required string Name { get; init; }

    /// <summary>Add-on service, for example "heroku-postgresql", "heroku-redis", "papertrail".</summary>
    public required string Service { get; init; }

    /// <summary>Plan within the service, for example "standard-0"; required.</summary>
    public required string Plan { get; init; }

    /// <summary>Provisioning options (for example version: "15").</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<AddonAttachment> Attachments { get; init; } = [];
}

/// <summary>
/// An attachment of an add-on to an app under a name (DATABASE, HEROKU_POSTGRESQL_ONYX, REDIS_CACHE),
/// with the config var names it injects into that app.
/// </summary>
public sealed record AddonAttachment
{
    public required string App { get; init; }

    /// <summary>Attachment name, for example "DATABASE"; the vars are usually NAME_URL.</summary>
    public required string Name { get; init; }

    /// <summary>Config var names this attachment injects, for example ["DATABASE_URL"].</summary>
    public IReadOnlyList<string> ConfigVars { get; init; } = [];
}
