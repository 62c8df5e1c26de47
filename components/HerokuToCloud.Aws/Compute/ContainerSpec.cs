using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// One container of a task definition, in ECS's container definition JSON. Every container gets the
/// app's secrets through <c>secrets[].valueFrom</c> (ECS.8), awslogs logging (ECS.9), no privileges
/// (ECS.4), a read-only root with a writable /tmp unless the process opts out (ECS.5), an init
/// process that forwards signals, and Heroku's 30 seconds between SIGTERM and SIGKILL.
/// </summary>
internal sealed record ContainerSpec(string Name, Value Image)
{
    /// <summary>Heroku gives a dyno 30 s after SIGTERM; Fargate allows up to 120.</summary>
    public const int StopTimeoutSeconds = 30;

    public const string TmpVolume = "tmp";

    /// <summary>
    /// A Procfile command line (may use $PORT) and how it starts in the app's image (the CNB launcher or
    /// <c>/bin/sh -c</c>, as on Kubernetes); null runs the image's own entrypoint and command.
    /// </summary>
    public ProcessLaunch? Launch { get; init; }

    /// <summary>Arguments for the image's own entry point (the heroku2cloud image), instead of a shell command.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>The port a web process binds; also set as PORT.</summary>
    public int? Port { get; init; }

    public bool WritableRootFilesystem { get; init; }

    /// <summary>Secret variable names, JSON keys of <see cref="Secret"/>.</summary>
    public IReadOnlyList<string> SecretVariables { get; init; } = [];

    public SecretValues? Secret { get; init; }

    public MapValue ToDefinition(Value logGroupName, Value region)
    {
        var definition = new MapValue
        {
            ["name"] = Name,
            ["image"] = Image,
            ["essential"] = true,
        };
        if (Launch is not null)
        {
            // entryPoint replaces the image's ENTRYPOINT: a command alone would be handed to a CNB
            // image's launcher as arguments of its default (web) process.
            definition["entryPoint"] = Value.List(Launch.EntryPoint.Select(p => (Value)p));
            definition["command"] = Value.List(Launch.Command);
        }
        else if (Arguments is not null)
            definition["command"] = Value.List(Arguments.Select(a => (Value)a));
        if (Port is { } port)
        {
            definition["portMappings"] = Value.List(new MapValue { ["containerPort"] = port, ["protocol"] = "tcp" });
            definition["environment"] = Value.List(new MapValue { ["name"] = AppSecrets.PortVariable, ["value"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (SecretVariables.Count > 0)
        {
            var secret = Secret ?? throw new InvalidOperationException("A container with secrets needs the secret.");
            definition["secrets"] = Value.List(SecretVariables.Select(v => (Value)new MapValue
            {
                ["name"] = v,
                ["valueFrom"] = secret.KeyOf(v),
            }));
        }

        definition["logConfiguration"] = new MapValue
        {
            ["logDriver"] = "awslogs",
            ["options"] = new MapValue
            {
                ["awslogs-group"] = logGroupName,
                ["awslogs-region"] = region,
                ["awslogs-stream-prefix"] = Name,
            },
        };
        definition["readonlyRootFilesystem"] = !WritableRootFilesystem;
        if (!WritableRootFilesystem)
            definition["mountPoints"] = Value.List(new MapValue { ["sourceVolume"] = TmpVolume, ["containerPath"] = "/tmp", ["readOnly"] = false });
        definition["privileged"] = false;
        definition["stopTimeout"] = StopTimeoutSeconds;
        definition["linuxParameters"] = new MapValue { ["initProcessEnabled"] = true };
        return definition;
    }
}
