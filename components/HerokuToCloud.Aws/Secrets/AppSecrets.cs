using System.Text.RegularExpressions;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// One Secrets Manager secret per app holding every run-time variable as a JSON object
/// ({"VAR": "value"}); tasks read single keys of its current version (<see cref="SecretValues"/>). Values come
/// from Pulumi secret config (set with <c>pulumi config set --secret</c>), from the random
/// provider, or from the new datastores; none is ever written into the program or the stack file.
/// An app without run-time variables gets no secret at all: Secrets Manager has no empty secret
/// value to write, and its roles must not be allowed to read a secret its tasks never use.
/// </summary>
internal static partial class AppSecrets
{
    /// <summary>Set by the platform for web containers; never part of the secret.</summary>
    public const string PortVariable = "PORT";

    private const string PortNotCarried = "PORT is set by the platform to the container port, so the config var PORT is not carried over.";

    /// <returns>The app's secret, or null when the app has no run-time variables.</returns>
    public static SecretValues? Add(AwsProgram program, AppLanding app, IReadOnlyDictionary<string, DatastoreConnection> datastores,
        out IReadOnlyList<string> variables)
    {
        var owner = $"app {app.Name}";
        var prefix = AwsNames.Logical(app.Name);
        if (app.Secrets.All(e => e.Name == PortVariable))
        {
            if (app.Secrets.Count > 0)
                program.Report(FindingSeverity.Info, owner, PortNotCarried);
            variables = [];
            return null;
        }

        var secret = program.Add($"{prefix}-secrets", AwsTypes.Secret, new MapValue
        {
            ["description"] = $"Run-time configuration of {app.Name} (its Heroku config vars)",
        }, owner, app: app.Name);

        var values = new MapValue();
        var names = new List<string>();
        foreach (var entry in app.Secrets)
        {
            if (!VariablePattern().IsMatch(entry.Name))
                throw new AwsLandingException($"App {app.Name} has a config var named '{entry.Name}', which is not a valid environment variable name; rename it in the inventory.");
            if (entry.Name == PortVariable)
            {
                program.Report(FindingSeverity.Info, owner, PortNotCarried);
                continue;
            }

            if (values.ContainsKey(entry.Name))
                throw new AwsLandingException($"App {app.Name} lists the secret {entry.Name} twice in the landing plan; this is a bug in the planner.");
            values[entry.Name] = entry.Source switch
            {
                FromSecretConfig config => program.SecretConfig(config.ConfigKey, $"{entry.Name} of {app.Name}: pulumi config set --secret {config.ConfigKey}"),
                GeneratedSecret generated => Generated(program, app, entry.Name, generated.Length).Ref("result"),
                FromDatastore store => datastores.TryGetValue(store.Datastore, out var connection)
                    ? connection.UrlFor(store.Url)
                    : throw new AwsLandingException(
                        $"App {app.Name} gets {entry.Name} from the add-on '{store.Datastore}', which is not in the landing plan; add the add-on to the inventory or drop the attachment."),
                _ => throw new AwsLandingException($"App {app.Name}: {entry.Name} has a value source this version does not know ({entry.Source.GetType().Name})."),
            };
            names.Add(entry.Name);
        }

        var version = program.Add($"{prefix}-secrets-version", AwsTypes.SecretVersion, new MapValue
        {
            ["secretId"] = secret.Ref("id"),
            ["secretString"] = new SecretValue(new JsonValue(values)),
        }, owner);
        variables = names;
        return new SecretValues(secret, version);
    }

    private static Resource Generated(AwsProgram program, AppLanding app, string variable, int length)
    {
        if (length is < 16 or > 1024)
            throw new AwsLandingException($"App {app.Name}: the generated secret {variable} would be {length} characters; use 16 to 1024.");
        return program.Add(AwsNames.Logical(app.Name, variable, "generated"), AwsTypes.RandomPassword, new MapValue
        {
            ["length"] = length,
            ["special"] = false,
        }, $"app {app.Name}");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariablePattern();
}
