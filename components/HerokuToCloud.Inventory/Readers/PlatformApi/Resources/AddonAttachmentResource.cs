namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/addon-attachments and /addons/{addon}/addon-attachments: an add-on attached to an app under a name.</summary>
internal sealed record AddonAttachmentResource
{
    public string? Id { get; init; }

    /// <summary>Attachment name, for example "DATABASE"; the injected vars are NAME_URL and the like.</summary>
    public required string Name { get; init; }

    public NamedReference? App { get; init; }

    public AttachedAddonReference? Addon { get; init; }

    /// <summary>Credential or role namespace ("credential:analytics"); null for the default credential.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Config var names of this attachment. Not part of the published resource: Heroku adds it when
    /// asked with <c>Accept-Inclusion: config_vars</c> (as the Heroku CLI does); null otherwise.
    /// </summary>
    public IReadOnlyList<string>? ConfigVars { get; init; }
}

/// <summary>The add-on an attachment or log drain points at, with its owning app.</summary>
internal sealed record AttachedAddonReference
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public NamedReference? App { get; init; }
}
