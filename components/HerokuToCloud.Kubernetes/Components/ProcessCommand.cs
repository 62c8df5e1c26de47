using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A Procfile command string in a container: the shared <see cref="ProcessLaunch"/> decision (CNB
/// launcher or <c>/bin/sh -c</c>) as <c>command</c> (the image's ENTRYPOINT) and the command string as
/// <c>args</c>. No command keeps the image's own entrypoint and command.
/// </summary>
internal static class ProcessCommand
{
    public static void Apply(MapValue container, AppLanding app, string? command)
    {
        if (ProcessLaunch.For(app.Image, command) is not { } launch)
            return;
        container["command"] = Value.List(launch.EntryPoint.Select(p => (Value)p));
        container["args"] = Value.List(launch.Command);
    }
}
