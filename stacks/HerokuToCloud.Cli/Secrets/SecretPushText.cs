using HerokuToCloud.Cli.Generation;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The human report of <c>secrets push</c>: a header, one line per key as it is set, then what is
/// missing, what the file does not supply, what it holds that the stack does not use, and the next
/// step. Keys, names and file lines only: no value is ever written here.
/// </summary>
internal static class SecretPushText
{
    public static void WriteHeader(TextWriter output, StackSecretConfig config, string secretsFile, ProgramSecretKeys? program, string directory)
    {
        var stage = config.Stage is { } s ? $" ({s} values)" : "";
        var checkedAgainst = program is not null
            ? $"program {program.ProgramPath}"
            : $"no program checked ({directory} has no Pulumi.yaml yet)";
        output.WriteLine($"secrets push: {config.System} stack {config.Stack}{stage}, values from {secretsFile}, {checkedAgainst}");
    }

    public static void WriteProgress(TextWriter output, SecretPushOutcome outcome)
    {
        var verb = outcome.Status switch
        {
            SecretPushStatus.Set => "set",
            SecretPushStatus.WouldSet => "would set",
            SecretPushStatus.Held => "has a value:",
            SecretPushStatus.Failed => "FAILED",
            SecretPushStatus.Kept => "kept",
            _ => outcome.Status.ToString(),
        };
        var a = outcome.Assignment;
        var what = !a.Optional ? ""
            : outcome.Status == SecretPushStatus.Kept ? ": the stack already has a value, left as it is"
            : ": an empty value, so pulumi up does not stop on it";
        output.WriteLine($"  {verb} {outcome.Key} <- {a.HerokuApp} {a.Var} ({a.Origin}){what}");
    }

    public static void WriteSummary(TextWriter output, SecretPushResult result, SecretPushOptions options)
    {
        var config = result.Config;
        if (config.Missing.Count > 0)
            WriteMissing(output, result, options);

        var count = result.Count(result.DryRun ? SecretPushStatus.WouldSet : SecretPushStatus.Set);
        if (result.Failure is { } failure)
        {
            var notTried = result.Outcomes.Where(o => o.Status == SecretPushStatus.NotAttempted).Select(o => o.Key).ToList();
            output.WriteLine($"Set {NounCount.Of(count, "secret config value")} of {config.Assignments.Count} in stack {config.Stack}, then pulumi failed on {failure.Key}" +
                (notTried.Count > 0 ? $"; not tried: {string.Join(", ", notTried)}." : "."));
        }
        else if (!result.Held)
        {
            output.WriteLine(result.DryRun
                ? $"Would set {NounCount.Of(count, "secret config value")} in stack {config.Stack} (dry run: pulumi was not run)."
                : $"Set {NounCount.Of(count, "secret config value")} in stack {config.Stack}.");
        }

        if (config.Assignments.Any(a => a.Optional))
        {
            output.WriteLine($"Optional vars (app.json required: false) without a value in {result.SecretsFile} do not hold the push: " +
                "each gets an empty value unless the stack already has one (the app sees it set to \"\", not unset: " +
                "a program reads every key it declares); put a value in the file and push again to give it one.");
        }

        if (config.Skipped.Count > 0)
        {
            output.WriteLine("Not set from a file, by design:");
            foreach (var skipped in config.Skipped)
                output.WriteLine($"  {skipped.App} {skipped.Var}: {skipped.Message}");
        }

        if (config.Unused.Count > 0)
        {
            output.WriteLine($"Not used from {result.SecretsFile} for this stack:");
            foreach (var unused in config.Unused)
            {
                var what = unused.Var ?? $"({NounCount.Of(unused.Count, "value")})";
                output.WriteLine($"  {unused.Origin} {unused.HerokuApp} {what}: {unused.Message}");
            }
        }

        if (result.Program is { OtherSecretKeys.Count: > 0 } program)
        {
            output.WriteLine("The program also reads secret config that no Heroku config var supplies; set it yourself:");
            foreach (var key in program.OtherSecretKeys)
                output.WriteLine($"  pulumi config set --secret {StackKeys.Qualified(program.Project, key)} --stack {config.Stack} -C {ShellWord.Of(options.Directory)}");
        }

        if (result.Failure is null && !result.Held && !result.DryRun)
        {
            output.WriteLine($"Next: pulumi preview -C {ShellWord.Of(options.Directory)} --stack {config.Stack}, then pulumi up. " +
                $"Delete {result.SecretsFile} once every stack has its values.");
        }
    }

    private static void WriteMissing(TextWriter output, SecretPushResult result, SecretPushOptions options)
    {
        var config = result.Config;
        output.WriteLine(result.Held
            ? $"Missing values: {NounCount.Of(config.Missing.Count, "key")} of stack {config.Stack} {(config.Missing.Count == 1 ? "has" : "have")} no value in {result.SecretsFile}, so nothing {(result.DryRun ? "would be" : "was")} set:"
            : "Missing values (not set; `pulumi up` stops until they are):");
        foreach (var missing in config.Missing)
            output.WriteLine($"  {StackKeys.Qualified(options.Project, missing.ConfigKey)}: {missing.Message}");

        var fillable = config.Missing.Where(m => m.HerokuApp is not null).GroupBy(m => m.HerokuApp!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (fillable.Count > 0)
        {
            output.WriteLine($"To fill them, add to {result.SecretsFile} (merge with an app's section when it already has one), with each value between the quotes:");
            foreach (var app in fillable)
            {
                output.WriteLine($"{app.Key}:");
                foreach (var missing in app.OrderBy(m => m.Var, StringComparer.Ordinal))
                    output.WriteLine($"  {missing.Var}: \"\"");
            }
        }

        if (result.Held)
            output.WriteLine($"Then run the same command again, or add --allow-missing to set the other {NounCount.Of(config.Assignments.Count, "value")} now.");
    }
}
