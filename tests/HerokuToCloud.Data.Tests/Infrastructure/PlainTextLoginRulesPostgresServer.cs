namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>The login rules of <see cref="LoginRulesPostgresServer"/> on a server that takes no TLS at all, as a self-hosted one may.</summary>
public sealed class PlainTextLoginRulesPostgresServer : LoginRulesPostgresServer
{
    public PlainTextLoginRulesPostgresServer()
        : base(tls: false)
    {
    }
}
