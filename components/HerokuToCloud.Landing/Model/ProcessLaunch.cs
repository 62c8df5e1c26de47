namespace HerokuToCloud.Landing;

/// <summary>
/// How a Procfile command string starts in the app's image, the same on every target: the program
/// that replaces the image's entrypoint, and the command string as its one argument. Heroku runs the
/// command through a shell with the buildpacks' environment; a Cloud Native Buildpacks image does the
/// same only when the command goes to its launcher (<c>/cnb/lifecycle/launcher "cmd"</c>): a command
/// given without replacing the entrypoint becomes arguments of the launcher's default process, which
/// starts <c>web</c> for every process type. A heroku.yml Docker image runs it with <c>/bin/sh -c</c>
/// in place of the Dockerfile's ENTRYPOINT, so a shell expands $PORT and the other variables as on
/// Heroku; an image whose ENTRYPOINT prepares the environment needs that step in the command.
/// </summary>
/// <param name="EntryPoint">Replaces the image's ENTRYPOINT (Kubernetes <c>command</c>, ECS <c>entryPoint</c>).</param>
/// <param name="Command">The whole command string, passed as the single argument (Kubernetes <c>args</c>, ECS <c>command</c>).</param>
public sealed record ProcessLaunch(IReadOnlyList<string> EntryPoint, string Command)
{
    /// <summary>The CNB lifecycle's launcher, which sets up the buildpacks' environment before running a command.</summary>
    public const string CnbLauncher = "/cnb/lifecycle/launcher";

    /// <summary>The launch of <paramref name="command"/> in the image <paramref name="image"/> builds; null (no command) keeps the image's own entrypoint and command.</summary>
    public static ProcessLaunch? For(ImageBuild image, string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
            return null;
        return image.IsBuildpackImage
            ? new ProcessLaunch([CnbLauncher], command)
            : new ProcessLaunch(["/bin/sh", "-c"], command);
    }
}
