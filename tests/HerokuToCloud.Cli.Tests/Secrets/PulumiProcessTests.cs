using System.Runtime.Versioning;
using HerokuToCloud.Cli.Secrets;

namespace HerokuToCloud.Cli.Tests.Secrets;

/// <summary>The real process boundary against small shell scripts standing in for pulumi (Unix, as CI).</summary>
[UnsupportedOSPlatform("windows")]
public sealed class PulumiProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-pulumi-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Script(string body)
    {
        var path = Path.Combine(_dir, "pulumi");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task Writes_the_value_and_one_newline_to_stdin_as_utf8_without_a_byte_order_mark()
    {
        var stdin = Path.Combine(_dir, "stdin");
        var args = Path.Combine(_dir, "args");
        var pulumi = new PulumiProcess(Script($"printf '%s\\n' \"$@\" > '{args}'\ncat > '{stdin}'"));

        var result = await pulumi.SetSecretConfigAsync("/work/landing", "prod", "shop:shop-web-KEY", "ünïcode\nline 2\n", CancellationToken.None);

        Assert.Equal(new PulumiCallResult(0, ""), result);
        Assert.Equal("ünïcode\nline 2\n\n"u8.ToArray(), File.ReadAllBytes(stdin));
        Assert.Equal("config\nset\n--secret\n--non-interactive\n--stack\nprod\n--cwd\n/work/landing\nshop:shop-web-KEY\n", File.ReadAllText(args));
    }

    [Fact]
    public async Task A_pulumi_that_exits_without_reading_its_input_reports_its_exit_code_and_message()
    {
        var pulumi = new PulumiProcess(Script("echo 'error: no stack named prod found' >&2\nexit 3"));

        // Larger than a pipe buffer, so writing it fails once pulumi has gone.
        var result = await pulumi.SetSecretConfigAsync(_dir, "prod", "shop:KEY", new string('x', 1 << 20), CancellationToken.None);

        Assert.Equal(new PulumiCallResult(3, "error: no stack named prod found"), result);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_file_that_cannot_be_started_is_a_clear_error()
    {
        var path = Path.Combine(_dir, "not-a-program");
        File.WriteAllText(path, "not a program");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<SecretPushException>(() => new PulumiProcess(path).SetSecretConfigAsync(_dir, "prod", "k", "v", CancellationToken.None));

        Assert.StartsWith($"could not start the Pulumi CLI at {path}:", error.Message);
    }
}
