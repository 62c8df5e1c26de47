namespace HerokuToCloud.Inventory;

/// <summary>How Heroku builds the app's code: buildpacks, or Dockerfiles from heroku.yml.</summary>
public sealed record AppBuild
{
    /// <summary>Buildpacks in order (names such as "heroku/ruby" or URLs).</summary>
    public IReadOnlyList<string> Buildpacks { get; init; } = [];

    /// <summary>heroku.yml build.docker: process type to Dockerfile path. Empty for buildpack apps.</summary>
    public IReadOnlyDictionary<string, string> Dockerfiles { get; init; } = new Dictionary<string, string>();

    public bool IsDocker => Dockerfiles.Count > 0;
}
