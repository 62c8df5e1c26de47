using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Tests.Infrastructure;

public static class Urls
{
    /// <summary>The Heroku-style URL of a test endpoint, as a user would pass it on the command line.</summary>
    public static string Of(PostgresEndpoint endpoint, string? password = null) =>
        $"postgres://{endpoint.Username}{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@{endpoint.Host}:{endpoint.Port}/{endpoint.Database}?sslmode=disable";
}
