using System.Text.Json;
using System.Text.Json.Serialization;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Graph.PulumiYaml;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The <c>--json</c> report of <c>secrets push</c>, for scripts and CI: the same facts as the text
/// report, keys and names only. Statuses and reasons are camelCase strings ("set", "notInFile").
/// </summary>
internal static class SecretPushJson
{
    private static readonly JsonSerializerOptions Options = new(ReportJson.Serializer)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(SecretPushResult result, SecretPushOptions options)
    {
        var config = result.Config;
        var report = new
        {
            config.System,
            config.Stack,
            config.Stage,
            result.SecretsFile,
            Program = result.Program?.ProgramPath,
            result.DryRun,
            result.AllowedMissing,
            Assignments = result.Outcomes.Select(o => new
            {
                o.Key,
                o.Assignment.App,
                o.Assignment.Var,
                o.Assignment.HerokuApp,
                o.Assignment.Origin,
                o.Assignment.Optional,
                o.Status,
            }),
            Missing = config.Missing.Select(m => new
            {
                Key = StackKeys.Qualified(options.Project, m.ConfigKey),
                m.App,
                m.Var,
                m.HerokuApp,
                m.Reason,
                m.Message,
            }),
            config.Skipped,
            config.Unused,
            OtherSecretConfig = result.Program?.OtherSecretKeys.Select(k => StackKeys.Qualified(result.Program.Project, k)) ?? [],
            result.Failure,
            Counts = new
            {
                Set = result.Count(SecretPushStatus.Set),
                WouldSet = result.Count(SecretPushStatus.WouldSet),
                Kept = result.Count(SecretPushStatus.Kept),
                Missing = config.Missing.Count,
                Skipped = config.Skipped.Count,
                Unused = config.Unused.Sum(u => u.Count),
            },
        };
        return JsonSerializer.Serialize(report, Options) + "\n";
    }
}
