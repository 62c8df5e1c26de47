using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// A server set up like managed Postgres: TLS on (a throw-away self-signed certificate) and pg_hba.conf
/// taking password (SCRAM) logins over TLS only, so a plain-text attempt is turned away with
/// "no pg_hba.conf entry … no encryption". The fixture's own superuser keeps a trusted plain-text line so
/// <see cref="PostgresServer.Endpoint"/> and <see cref="PostgresServer.CreateDatabaseAsync"/> work as usual.
/// </summary>
public sealed class TlsOnlyPostgresServer : PostgresServer
{
    public TlsOnlyPostgresServer()
    {
        ServerOptions = "-c ssl=on -c password_encryption=scram-sha-256";
    }

    /// <summary>The server's self-signed certificate, which a client that verifies must be given as its root.</summary>
    public string CertificatePem { get; private set; } = "";

    protected override async Task ConfigureAsync(string dataDirectory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var keyFile = Path.Combine(dataDirectory, "server.key");
        var certificateFile = Path.Combine(dataDirectory, "server.crt");
        var hbaFile = Path.Combine(dataDirectory, "pg_hba.conf");
        CertificatePem = certificate.ExportCertificatePem();
        await File.WriteAllTextAsync(certificateFile, CertificatePem);
        // The server refuses a private key that others may read.
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(hbaFile, """
            local   all  all                   trust
            host    all  postgres  127.0.0.1/32  trust
            hostssl all  all       127.0.0.1/32  scram-sha-256

            """);
        foreach (var file in new[] { keyFile, certificateFile, hbaFile })
            await GiveToServerAsync(file);
    }
}
