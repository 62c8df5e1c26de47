using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace HerokuToCloud.Data.Connections;

/// <summary>
/// Where a PostgreSQL database is and how to log in, parsed from what users have at hand:
/// Heroku's <c>postgres://user:password@host:5432/db</c> URL (which Npgsql cannot parse itself),
/// a libpq keyword string (<c>host=… dbname=…</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>).
/// It hands the same endpoint to Npgsql and to child processes (pg_dump, pg_restore) without ever
/// putting the password on a command line.
/// </summary>
public sealed partial record PostgresEndpoint
{
    public required string Host { get; init; }

    public int Port { get; init; } = 5432;

    public required string Database { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>libpq sslmode (disable, allow, prefer, require, verify-ca, verify-full); Heroku needs require.</summary>
    public string SslMode { get; init; } = "prefer";

    /// <summary>
    /// libpq sslrootcert: a file of the certificate authorities sslmode=verify-ca/verify-full trusts (a managed
    /// provider's CA bundle), or null for the system's trusted roots.
    /// </summary>
    public string? SslRootCert { get; init; }

    /// <summary>
    /// Parses a URL, libpq keyword string or Npgsql connection string; the message of a failure names
    /// <paramref name="what"/> (which option it came from, when there are two) and the form expected.
    /// </summary>
    public static PostgresEndpoint Parse(string text, string what = "the database address")
    {
        var trimmed = text.Trim();
        try
        {
            if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
                trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                return FromUrl(trimmed);
            // Heroku sets JDBC_DATABASE_URL beside DATABASE_URL for JVM apps: the same database in another form.
            if (trimmed.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
                throw new DataMigrationException($"cannot read {what}: a jdbc: URL (Heroku's JDBC_DATABASE_URL) is not a PostgreSQL URL. Use the DATABASE_URL form, postgres://user:password@host:5432/database.");
            // A URL of another scheme (a typo such as postgress://) whose query holds '=' would otherwise read as
            // one unknown keyword and connect to localhost; its scheme is all the message repeats (the rest can hold a password).
            if (OtherScheme().Match(trimmed) is { Success: true } scheme)
                throw new DataMigrationException($"cannot read {what}: a {scheme.Value} URL is not a PostgreSQL URL. Use postgres://user:password@host:5432/database (as in Heroku's DATABASE_URL).");
            if (trimmed.Contains(';', StringComparison.Ordinal))
                return FromNpgsql(new NpgsqlConnectionStringBuilder(trimmed));
            if (trimmed.Contains('=', StringComparison.Ordinal))
                return FromKeywords(trimmed);
        }
        catch (UriFormatException ex)
        {
            // The usual cause: a password with a character that ends the user part early ('@', '/', '#', '?').
            throw new DataMigrationException($"cannot read {what}: {ex.Message} Use postgres://user:password@host:5432/database; a user name or password holding @ / # ? or : must be percent-encoded in a URL (@ as %40, / as %2F, # as %23, ? as %3F, : as %3A).", ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new DataMigrationException($"cannot read {what}: {ex.Message} Use postgres://user:password@host:5432/database or host=… port=… dbname=… user=….", ex);
        }

        throw new DataMigrationException($"cannot read {what}: expected postgres://user:password@host:5432/database (as in Heroku's DATABASE_URL) or a keyword string such as \"host=… dbname=… user=…\".");
    }

    /// <summary>For Npgsql. <paramref name="applicationName"/> shows in pg_stat_activity on both servers.</summary>
    public NpgsqlConnectionStringBuilder ToNpgsql(string applicationName = "heroku2cloud")
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = Username,
            Password = Password,
            SslMode = SslMode switch
            {
                "disable" => Npgsql.SslMode.Disable,
                "allow" => Npgsql.SslMode.Allow,
                "require" => Npgsql.SslMode.Require,
                "verify-ca" => Npgsql.SslMode.VerifyCA,
                "verify-full" => Npgsql.SslMode.VerifyFull,
                _ => Npgsql.SslMode.Prefer,
            },
            ApplicationName = applicationName,
        };
        if (SslRootCert is not null)
            builder.RootCertificate = SslRootCert;
        return builder;
    }

    /// <summary>libpq environment variables for a child process (pg_dump, pg_restore, psql), password included.</summary>
    public IReadOnlyDictionary<string, string> ToLibpqEnvironment()
    {
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = Host,
            ["PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = Database,
            ["PGSSLMODE"] = SslMode,
        };
        if (Username is not null)
            env["PGUSER"] = Username;
        if (Password is not null)
            env["PGPASSWORD"] = Password;
        if (SslRootCert is not null)
            env["PGSSLROOTCERT"] = SslRootCert;
        return env;
    }

    /// <summary>A display form without the password, safe for logs and reports.</summary>
    public override string ToString() =>
        $"postgres://{(Username is null ? "" : Uri.EscapeDataString(Username) + "@")}{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}/{Database}";

    private static PostgresEndpoint FromUrl(string text)
    {
        var uri = new Uri(text);
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var query = ParseQuery(uri.Query);
        var host = uri.Host.Length > 0 ? uri.Host.Trim('[', ']') : query.GetValueOrDefault("host", "localhost");
        return new PostgresEndpoint
        {
            Host = host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = database.Length > 0 ? database : user ?? "postgres",
            Username = user ?? query.GetValueOrDefault("user"),
            Password = password ?? query.GetValueOrDefault("password"),
            SslMode = NormalizeSslMode(query.GetValueOrDefault("sslmode")),
            SslRootCert = query.GetValueOrDefault("sslrootcert"),
        };
    }

    private static PostgresEndpoint FromKeywords(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in SplitKeywords(text))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new FormatException($"'{pair.Split('=')[0]}' has no value.");
            var keyword = pair[..eq].Trim();
            // libpq refuses a keyword it does not know; one that is not even a word (a URL with '=' in its
            // query) would otherwise be ignored and leave host to default to localhost. Not echoed: it may hold a password.
            if (!KeywordName().IsMatch(keyword))
                throw new FormatException("it is neither a postgres:// URL nor a keyword string (keywords are words such as host, port, dbname, user).");
            values[keyword] = pair[(eq + 1)..].Trim();
        }

        var user = values.GetValueOrDefault("user");
        return new PostgresEndpoint
        {
            Host = values.GetValueOrDefault("host", "localhost"),
            Port = values.TryGetValue("port", out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : 5432,
            Database = values.GetValueOrDefault("dbname") ?? user ?? "postgres",
            Username = user,
            Password = values.GetValueOrDefault("password"),
            SslMode = NormalizeSslMode(values.GetValueOrDefault("sslmode")),
            SslRootCert = values.GetValueOrDefault("sslrootcert"),
        };
    }

    private static PostgresEndpoint FromNpgsql(NpgsqlConnectionStringBuilder builder) => new()
    {
        Host = builder.Host ?? "localhost",
        Port = builder.Port,
        Database = builder.Database ?? builder.Username ?? "postgres",
        Username = builder.Username,
        Password = builder.Password,
        SslMode = builder.SslMode switch
        {
            Npgsql.SslMode.Disable => "disable",
            Npgsql.SslMode.Allow => "allow",
            Npgsql.SslMode.Require => "require",
            Npgsql.SslMode.VerifyCA => "verify-ca",
            Npgsql.SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        },
        SslRootCert = string.IsNullOrEmpty(builder.RootCertificate) ? null : builder.RootCertificate,
    };

    private static string NormalizeSslMode(string? mode) => mode?.ToLowerInvariant() switch
    {
        null or "" => "prefer",
        "disable" or "allow" or "prefer" or "require" or "verify-ca" or "verify-full" => mode.ToLowerInvariant(),
        _ => throw new FormatException($"sslmode '{mode}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                result[Uri.UnescapeDataString(part[..eq])] = Uri.UnescapeDataString(part[(eq + 1)..]);
        }

        return result;
    }

    /// <summary>Splits libpq "key=value key='quoted value'" pairs.</summary>
    private static IEnumerable<string> SplitKeywords(string text)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                    yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
            throw new FormatException("a quoted value is not closed.");
        if (current.Length > 0)
            yield return current.ToString();
    }

    /// <summary>A URL scheme at the start ("mysql://"): a keyword string starts with a keyword and '='.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex OtherScheme();

    [GeneratedRegex("^[A-Za-z_]+$")]
    private static partial Regex KeywordName();
}
