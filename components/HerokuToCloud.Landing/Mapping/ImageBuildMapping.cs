using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// How the app's image is built after the move. heroku.yml apps keep their Dockerfile (one image
/// per app: the web process's Dockerfile, else the first by process type). Buildpack apps build
/// with Cloud Native Buildpacks and Heroku's builder, which runs the same language buildpacks
/// (heroku/builder:22 for heroku-22 apps, heroku/builder:24 otherwise).
/// </summary>
public static class ImageBuildMapping
{
    public const string DefaultBuilder = "heroku/builder:24";

    /// <summary>The Cloud Native Buildpacks builder for a Heroku stack ("heroku-22" → heroku/builder:22).</summary>
    public static string BuilderFor(string? herokuStack) =>
        string.Equals(herokuStack?.Trim(), "heroku-22", StringComparison.OrdinalIgnoreCase) ? "heroku/builder:22" : DefaultBuilder;

    internal static ImageBuild Build(AppRole role, FindingLog findings)
    {
        var app = role.Members[0].App;
        var subject = InventoryKeys.App(role.Name) + ".image";
        var builds = role.Members.Select(m => Describe(m.App.Build)).Distinct().ToList();
        if (builds.Count > 1)
            findings.Warning(subject, $"the stages build differently ({string.Join("; ", builds)}); the image is built the {StageOf(role)} way: {builds[0]}.");

        if (app.Build.IsDocker)
        {
            var dockerfile = app.Build.Dockerfiles.TryGetValue("web", out var web)
                ? web
                : app.Build.Dockerfiles.OrderBy(d => d.Key, StringComparer.Ordinal).First().Value;
            var others = app.Build.Dockerfiles.Values.Distinct(StringComparer.Ordinal).Where(d => d != dockerfile).Order(StringComparer.Ordinal).ToList();
            if (others.Count > 0)
            {
                findings.Warning(subject,
                    $"heroku.yml builds several Dockerfiles ({dockerfile}, {string.Join(", ", others)}) but an app runs one image: {dockerfile} is used for every process; merge them or split the app.");
            }

            return new ImageBuild { Dockerfile = dockerfile };
        }

        var builder = BuilderFor(app.Stack);
        var cnb = app.Build.Buildpacks.Where(b => !b.Contains("://", StringComparison.Ordinal)).ToList();
        var classic = app.Build.Buildpacks.Where(b => b.Contains("://", StringComparison.Ordinal)).ToList();
        var flags = string.Concat(cnb.Select(b => $" --buildpack {b}"));
        var build = $"build the image with Cloud Native Buildpacks, e.g. `pack build <registry>/{role.Name}:<tag> --builder {builder}{flags}`";
        var detected = app.Build.Buildpacks.Count == 0 ? " (the builder detects the language, as Heroku did)" : "";
        // The tag is stack config in a Pulumi program and an image field in plain manifests: the request lets each output say where.
        findings.Info(subject, $"{build}, and set the tag in stack config{detected}.", new ConfigRequest($"{build}, and deploy that tag{detected}", []));
        if (classic.Count > 0)
        {
            findings.Warning(subject,
                $"classic buildpack(s) {string.Join(", ", classic)} are not Cloud Native Buildpacks; find a CNB equivalent or install what they add in a Dockerfile.");
        }

        return new ImageBuild { Buildpacks = app.Build.Buildpacks.ToList() };
    }

    private static string Describe(AppBuild build) =>
        build.IsDocker
            ? "heroku.yml: " + string.Join(", ", build.Dockerfiles.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))
            : build.Buildpacks.Count == 0 ? "detected buildpacks" : "buildpacks " + string.Join(", ", build.Buildpacks);

    private static string StageOf(AppRole role) =>
        role.Members[0].Stage is { } s ? PipelineStages.Spell(s) : "inventory's";
}
