using System.Diagnostics;
using System.Text;

namespace HerokuToCloud.Cli.Tests.Infrastructure;

/// <summary>
/// The real heroku2cloud program started and left running, with its output captured, for tests that
/// interrupt it mid-run; <see cref="Heroku2CloudProcess"/> runs it to the end.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private CliProcess(Process process)
    {
        this.process = process;
    }

    public static CliProcess Start(params string[] arguments)
    {
        var process = new Process { StartInfo = Heroku2CloudProcess.StartInfo(Path.GetTempPath(), new Dictionary<string, string?>(), arguments) };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (cli.stdout) cli.stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (cli.stderr) cli.stderr.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public bool HasExited => process.HasExited;

    public string Stdout
    {
        get
        {
            lock (stdout)
                return stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
                return stderr.ToString();
        }
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no handler, no cleanup, exactly like an OOM kill or a pulled plug.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
