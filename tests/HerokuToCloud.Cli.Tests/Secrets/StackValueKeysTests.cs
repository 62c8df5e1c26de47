using HerokuToCloud.Cli.Secrets;

namespace HerokuToCloud.Cli.Tests.Secrets;

/// <summary>Which keys a stack file already holds, so a push never replaces one with an empty optional value.</summary>
public sealed class StackValueKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-stack-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Plain_and_secure_keys_are_read_as_written()
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.prod.yaml"), """
            # the team's notes
            encryptionsalt: v1:abc=
            config:
              aws:region: us-east-1
              shop:shop-web-TAGLINE:
                secure: v1:QUJD
            """);

        Assert.Equal(["aws:region", "shop:shop-web-TAGLINE"], StackValueKeys.Read(_dir, "prod").Order(StringComparer.Ordinal));
        Assert.Empty(StackValueKeys.Read(_dir, "staging"));
    }

    [Fact]
    public void A_broken_stack_file_is_located_without_quoting_it()
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.prod.yaml"), "config:\n  shop:KEY: \"unclosed-canary\n");

        var error = Assert.Throws<SecretPushException>(() => StackValueKeys.Read(_dir, "prod"));

        Assert.Contains("Pulumi.prod.yaml:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", error.Message, StringComparison.Ordinal);
    }
}
