using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// How a Procfile command string runs in the app's image. Heroku runs it through a shell with the
/// buildpacks' environment; a Cloud Native Buildpacks image does the same when the command is given
/// to its launcher (<c>/cnb/lifecycle/launcher "cmd"</c>), and a heroku.yml Docker image runs it
/// with <c>/bin/sh -c</c> as Heroku does. No command keeps the image's own entrypoint and command.
/// </summary>
internal static class ProcessCommand
{
    public const string Launcher = "/cnb/lifecycle/launcher";

    public static void Apply(MapValue container, AppLanding app, string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
            return;
        if (app.Image.Dockerfile is null)
            container["command"] = Value.List(Launcher);
        else
            container["command"] = Value.List("/bin/sh", "-c");
        container["args"] = Value.List(command);
    }
}
