namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/buildpack-installations: one buildpack and its place in the build order.</summary>
internal sealed record BuildpackInstallationResource
{
    public int Ordinal { get; init; }

    public BuildpackReference? Buildpack { get; init; }
}

internal sealed record BuildpackReference
{
    /// <summary>Registry name such as "heroku/ruby"; for a custom buildpack often the URL itself.</summary>
    public string? Name { get; init; }

    public string? Url { get; init; }
}
