using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// A server whose pg_hba.conf turns the role <see cref="RefusedRole"/> away with a reject line and takes
/// SCRAM passwords from everyone else, in plain text and, when it is made with TLS, over TLS too (a throw-away
/// self-signed certificate). The fixture's own superuser keeps a trusted line.
/// </summary>
public class LoginRulesPostgresServer : PostgresServer
{
    public const string RefusedRole = "refused";

    private readonly bool tls;

    public LoginRulesPostgresServer()
        : this(tls: true)
    {
    }

    /// <summary>A server that takes TLS connections when <paramref name="tls"/>.</summary>
    protected LoginRulesPostgresServer(bool tls)
    {
        this.tls = tls;
        ServerOptions = $"-c ssl={(tls ? "on" : "off")} -c password_encryption=scram-sha-256";
    }

    protected override async Task ConfigureAsync(string dataDirectory)
    {
        var hbaFile = Path.Combine(dataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(hbaFile, $"""
            local   all  all                      trust
            host    all  postgres      127.0.0.1/32  trust
            host    all  {RefusedRole}  127.0.0.1/32  reject
            host    all  all           127.0.0.1/32  scram-sha-256

            """);
        await GiveToServerAsync(hbaFile);
        if (!tls)
            return;

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var keyFile = Path.Combine(dataDirectory, "server.key");
        var certificateFile = Path.Combine(dataDirectory, "server.crt");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());
        // The server refuses a private key that others may read.
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await GiveToServerAsync(keyFile);
        await GiveToServerAsync(certificateFile);
    }
}
