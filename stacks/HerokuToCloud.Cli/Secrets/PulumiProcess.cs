using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The real Pulumi CLI, one child process per call:
/// <c>pulumi config set --secret --non-interactive --stack STACK --cwd DIR KEY</c> with the value on
/// standard input.
/// </summary>
/// <remarks>
/// <c>pulumi config set</c> reads the value from standard input when none is given on the command
/// line and standard input is not a terminal, and removes one trailing newline from what it read
/// (Pulumi's config_set.go, cmdutil.RemoveTrailingNewline). So the value is written followed by one
/// "\n": a value that itself ends in a newline keeps it. <c>--non-interactive</c> makes every other
/// prompt (a missing stack, a passphrase) an error instead of a hang. The child inherits the
/// environment, so PULUMI_ACCESS_TOKEN, PULUMI_CONFIG_PASSPHRASE and backend settings apply as they
/// would in the user's shell.
/// </remarks>
internal sealed class PulumiProcess(string executable) : IPulumiCli
{
    // No byte-order mark: it would become the first character of the secret.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public string Executable { get; } = executable;

    /// <summary>The argument list of one call: the key, never the value.</summary>
    public static IReadOnlyList<string> SetSecretArguments(string directory, string stack, string key) =>
        ["config", "set", "--secret", "--non-interactive", "--stack", stack, "--cwd", directory, key];

    public async Task<PulumiCallResult> SetSecretConfigAsync(string directory, string stack, string key, string value, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            UseShellExecute = false,
        };
        foreach (var argument in SetSecretArguments(directory, stack, key))
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SecretPushException($"could not start the Pulumi CLI at {Executable}.");
        }
        catch (Win32Exception ex)
        {
            throw new SecretPushException($"could not start the Pulumi CLI at {Executable}: {ex.Message}. Check that it is installed and executable, or set PULUMI to its path.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.WriteAsync((value + "\n").AsMemory(), cancellationToken);
                await process.StandardInput.FlushAsync(cancellationToken);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // pulumi exited before reading its input (a bad flag, a missing stack); its exit code and output say why.
            }

            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = string.Join("\n", new[] { await stderr, await stdout }.Select(s => s.Trim()).Where(s => s.Length > 0));
            return new PulumiCallResult(process.ExitCode, output);
        }
    }
}
