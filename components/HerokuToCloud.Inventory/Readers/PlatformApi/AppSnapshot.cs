using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Everything the Platform API says about one app, as read, before mapping. Config vars are
/// names only: their values travel separately (see <see cref="PlatformApiReader"/>) so that
/// nothing downstream of the read can write one by accident.
/// </summary>
internal sealed record AppSnapshot
{
    public required AppResource App { get; init; }

    public IReadOnlyList<FormationResource> Formation { get; init; } = [];

    public IReadOnlyList<string> ConfigVarNames { get; init; } = [];

    /// <summary>
    /// For each config var, the other vars of the app with the very same value (names only), so that a
    /// team var holding a copy of an add-on's URL (READ_DB set to DATABASE_URL's value) can be recorded
    /// as referring to it rather than carried over with the Heroku URL.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SameValueAs { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// For each config var, the vars of the other captured apps with the very same value (names only), so that a
    /// var set by hand to another app's datastore URL is not carried over with the Heroku URL.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string App, string Var)>> SameValueInOtherApps { get; init; } =
        new Dictionary<string, IReadOnlyList<(string App, string Var)>>();

    /// <summary>Add-ons attached to the app, whichever app owns them.</summary>
    public IReadOnlyList<AddonResource> Addons { get; init; } = [];

    /// <summary>The app's own attachments (names under which add-ons inject vars into it).</summary>
    public IReadOnlyList<AddonAttachmentResource> Attachments { get; init; } = [];

    public IReadOnlyList<DomainResource> Domains { get; init; } = [];

    public PipelineCouplingResource? Coupling { get; init; }

    public string? PipelineName { get; init; }

    public IReadOnlyList<BuildpackInstallationResource> Buildpacks { get; init; } = [];

    public IReadOnlyList<AppFeatureResource> Features { get; init; } = [];

    public IReadOnlyList<LogDrainResource> LogDrains { get; init; } = [];
}
