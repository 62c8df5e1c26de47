using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>What <c>secrets push</c> was asked to do, once the inputs are read.</summary>
/// <param name="Directory">The program directory pulumi runs in (<c>--cwd</c>).</param>
/// <param name="Project">The project namespace of every key.</param>
internal sealed record SecretPushOptions(string Directory, string Stack, string Project, bool DryRun, bool AllowMissing)
{
    /// <summary>Qualified keys the stack file already has a value for (<see cref="StackValueKeys"/>).</summary>
    public IReadOnlySet<string> StackKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>
/// Sets a stack's secret config through the Pulumi CLI, all or nothing on validation: when keys are
/// missing and <see cref="SecretPushOptions.AllowMissing"/> is off, nothing is set, so a stack never
/// ends up with half of its values from an incomplete file. Values are set one key at a time in key
/// order; the first pulumi failure stops the push (the next calls would fail the same way), and a
/// rerun sets everything again, since setting a key is idempotent.
/// </summary>
internal sealed class SecretPush(IPulumiCli? pulumi)
{
    /// <summary>Values shorter than this are not masked in pulumi's messages: they cannot be meaningfully secret, and masking "1" would garble the message.</summary>
    private const int MaskedLength = 4;

    public async Task<SecretPushResult> RunAsync(
        StackSecretConfig config, string secretsFile, ProgramSecretKeys? program, SecretPushOptions options,
        Action<SecretPushOutcome>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<SecretPushOutcome>();
        SecretPushFailure? failure = null;
        var held = config.Missing.Count > 0 && !options.AllowMissing;
        foreach (var assignment in config.Assignments)
        {
            var key = StackKeys.Qualified(options.Project, assignment.ConfigKey);
            SecretPushStatus status;
            if (held)
                status = SecretPushStatus.Held;
            else if (assignment.Optional && options.StackKeys.Contains(key))
                status = SecretPushStatus.Kept;
            else if (options.DryRun)
                status = SecretPushStatus.WouldSet;
            else if (failure is not null)
                status = SecretPushStatus.NotAttempted;
            else
            {
                var cli = pulumi ?? throw new InvalidOperationException("a push that is not a dry run needs the Pulumi CLI.");
                var result = await cli.SetSecretConfigAsync(options.Directory, options.Stack, key, assignment.Value, cancellationToken);
                if (result.Succeeded)
                    status = SecretPushStatus.Set;
                else
                {
                    status = SecretPushStatus.Failed;
                    failure = new SecretPushFailure(key, result.ExitCode, Mask(result.Output, assignment.Value));
                }
            }

            var outcome = new SecretPushOutcome(assignment, key, status);
            outcomes.Add(outcome);
            if (status != SecretPushStatus.NotAttempted)
                progress?.Invoke(outcome);
        }

        return new SecretPushResult(config, secretsFile, program, options.DryRun, outcomes, failure) { AllowedMissing = options.AllowMissing };
    }

    /// <summary>
    /// pulumi does not print config values, but whatever it prints is masked anyway before it reaches a
    /// terminal or log: the value, the value without surrounding whitespace, and each line of a
    /// multi-line value, longest first (a tool may print one line, or drop the trailing newline).
    /// </summary>
    internal static string Mask(string output, string value)
    {
        var parts = value.Split('\n').Select(line => line.Trim()).Prepend(value.Trim()).Prepend(value)
            .Where(part => part.Length >= MaskedLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(part => part.Length);
        foreach (var part in parts)
            output = output.Replace(part, "[secret]", StringComparison.Ordinal);
        return output;
    }
}
