namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>What a heroku.yml says (https://devcenter.heroku.com/articles/build-docker-images-heroku-yml); config values stay out of the inventory.</summary>
internal sealed record HerokuYmlManifest
{
    /// <summary>setup.addons.</summary>
    public IReadOnlyList<AddonDeclaration> Addons { get; init; } = [];

    /// <summary>Names under setup.config: run-time config vars set when the app is created.</summary>
    public IReadOnlyList<string> SetupConfig { get; init; } = [];

    /// <summary>The literal values under setup.config, by name: only <see cref="ManifestValues"/> reads them, for <c>capture --secrets-out</c>.</summary>
    public IReadOnlyDictionary<string, string> SetupValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each of <see cref="SetupValues"/> is set (its key), so a reference that loops can be pointed at.</summary>
    public IReadOnlyDictionary<string, SourceLocation> SetupValueLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>build.docker: process type → Dockerfile, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dockerfiles { get; init; } = [];

    /// <summary>Names under build.config: Docker build arguments, so build-time vars.</summary>
    public IReadOnlyList<string> BuildConfig { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Buildpacks { get; init; } = [];

    /// <summary>release.command, joined into one command line.</summary>
    public string? ReleaseCommand { get; init; }

    /// <summary>The run section, in file order; a null command runs the image's CMD.</summary>
    public IReadOnlyList<HerokuYmlProcess> Run { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when heroku.yml decides the processes: a Docker build or a run section.</summary>
    public bool DefinesProcesses => Dockerfiles.Count > 0 || Run.Count > 0;
}

/// <summary>A heroku.yml run entry: process type, command, and the process type whose image it runs.</summary>
internal sealed record HerokuYmlProcess(string Type, string? Command, string? Image, SourceLocation Where);
