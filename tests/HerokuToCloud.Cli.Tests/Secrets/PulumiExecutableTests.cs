using HerokuToCloud.Cli.Secrets;

namespace HerokuToCloud.Cli.Tests.Secrets;

public sealed class PulumiExecutableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-pulumi-exe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Program(string folder, string name, bool executable = true)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dir, folder)).FullName;
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static Func<string, string?> Environment(string? path, string? pulumi = null) =>
        name => name switch { "PATH" => path, "PULUMI" => pulumi, _ => null };

    [Fact]
    public void Finds_pulumi_on_path_skipping_directories_without_it()
    {
        var expected = Program("b", "pulumi");
        var path = string.Join(Path.PathSeparator, Path.Combine(_dir, "a"), Path.Combine(_dir, "b"));

        Assert.Equal(expected, PulumiExecutable.Find(Environment(path)));
    }

    [Fact]
    public void A_file_that_is_not_executable_is_not_pulumi()
    {
        Program("a", "pulumi", executable: false);
        var expected = Program("b", "pulumi");
        var path = string.Join(Path.PathSeparator, Path.Combine(_dir, "a"), Path.Combine(_dir, "b"));

        Assert.Equal(expected, PulumiExecutable.Find(Environment(path)));
    }

    [Fact]
    public void The_pulumi_variable_wins_over_path()
    {
        Program("a", "pulumi");
        var chosen = Program("tools", "pulumi-3.200");

        Assert.Equal(chosen, PulumiExecutable.Find(Environment(Path.Combine(_dir, "a"), chosen)));
        Assert.Equal(chosen, PulumiExecutable.Find(Environment(Path.Combine(_dir, "tools"), "pulumi-3.200")));
    }

    [Fact]
    public void A_pulumi_variable_pointing_nowhere_says_so()
    {
        var error = Assert.Throws<SecretPushException>(() => PulumiExecutable.Find(Environment(null, Path.Combine(_dir, "nope", "pulumi"))));

        Assert.Contains("PULUMI is set to", error.Message);
        Assert.Contains("not an executable file", error.Message);
    }

    [Fact]
    public void Without_pulumi_the_message_says_to_install_it_or_use_dry_run()
    {
        var error = Assert.Throws<SecretPushException>(() => PulumiExecutable.Find(Environment(Path.Combine(_dir, "empty"))));

        Assert.Contains("the Pulumi CLI was not found", error.Message);
        Assert.Contains("Install it (https://www.pulumi.com/docs/iac/download-install/)", error.Message);
        Assert.Contains("--dry-run", error.Message);
    }

    [Fact]
    public void The_value_is_never_an_argument()
    {
        Assert.Equal(
            ["config", "set", "--secret", "--non-interactive", "--stack", "prod", "--cwd", "/work/landing", "shop:shop-web-STRIPE_KEY"],
            PulumiProcess.SetSecretArguments("/work/landing", "prod", "shop:shop-web-STRIPE_KEY"));
    }
}
