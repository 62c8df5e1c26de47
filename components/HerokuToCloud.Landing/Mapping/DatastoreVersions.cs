using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Landing;

/// <summary>
/// Engine versions for new datastores: the add-on's <c>version</c> option when it has one,
/// otherwise what Heroku gives a new add-on today.
/// </summary>
/// <remarks>
/// PostgreSQL: 17 is the default because it is Heroku's current default and newest supported major
/// (heroku-facts 2c: "most recent major supported is 17" in 2025; 17 default, EOL Q3 2028, in 2026),
/// and because a target at least as new as any Heroku source is what the data move needs: pg_dump
/// and CloudNativePG's import restore forwards, never backwards. A requested major older than
/// Heroku's support window (15 reached end of life in Q3 2026; 11–14 before it) lands on 17 with a
/// warning instead of on an end-of-life engine.
/// Redis: Heroku Key-Value Store gives new instances the latest Valkey, 8.1 since July 2025
/// (heroku-facts 3b); Valkey 8.1 speaks the Redis 7.2 protocol the older instances run.
/// </remarks>
public static partial class DatastoreVersions
{
    public const string PostgresDefault = "17";

    /// <summary>Oldest PostgreSQL major kept as requested (heroku-facts 2c: 15 EOL Q3 2026).</summary>
    public const int PostgresOldestSupported = 16;

    public const string RedisDefault = "8.1";

    /// <summary>The add-on option that pins a version (app.json "--version=15", Platform API config).</summary>
    public const string VersionOption = "version";

    /// <summary>PostgreSQL major for an add-on; <paramref name="warning"/> explains a changed request.</summary>
    public static string Postgres(IReadOnlyDictionary<string, string> options, string key, out string? warning)
    {
        warning = null;
        if (!TryGetVersion(options, out var requested))
            return PostgresDefault;
        var match = VersionPattern().Match(requested);
        if (!match.Success)
            throw new LandingException($"{key}.options.version: '{requested}' is not a PostgreSQL version; use a major version such as \"{PostgresDefault}\".");
        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        if (major >= PostgresOldestSupported)
            return major.ToString(CultureInfo.InvariantCulture);
        warning = $"PostgreSQL {requested} is past Heroku's support window (oldest supported major: {PostgresOldestSupported}); " +
                  $"the new database runs {PostgresDefault} and the data move upgrades it (test the app against {PostgresDefault}, or set the version in stack config).";
        return PostgresDefault;
    }

    /// <summary>Redis/Valkey version for an add-on ("major.minor" as requested, else the default).</summary>
    public static string Redis(IReadOnlyDictionary<string, string> options, string key)
    {
        if (!TryGetVersion(options, out var requested))
            return RedisDefault;
        return VersionPattern().IsMatch(requested)
            ? requested
            : throw new LandingException($"{key}.options.version: '{requested}' is not a Redis version; use a version such as \"{RedisDefault}\".");
    }

    private static bool TryGetVersion(IReadOnlyDictionary<string, string> options, out string version)
    {
        foreach (var (name, value) in options)
        {
            if (name.Trim().Equals(VersionOption, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                version = value.Trim();
                return true;
            }
        }

        version = "";
        return false;
    }

    [GeneratedRegex(@"^(?<major>\d{1,3})(\.\d{1,3})?$")]
    private static partial Regex VersionPattern();
}
