namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/addons: an add-on attached to the app, owned by it or by another app.</summary>
internal sealed record AddonResource
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public NamedReference? AddonService { get; init; }

    /// <summary>Plan name as "service:plan", for example "heroku-postgresql:standard-0".</summary>
    public NamedReference? Plan { get; init; }

    /// <summary>The app that owns (and is billed for) the add-on.</summary>
    public NamedReference? App { get; init; }

    /// <summary>Config var names the add-on sets on its owning app, for example ["DATABASE_URL"].</summary>
    public IReadOnlyList<string>? ConfigVars { get; init; }

    /// <summary>"provisioning", "provisioned" or "deprovisioned".</summary>
    public string? State { get; init; }
}
