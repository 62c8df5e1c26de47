using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// How a database stores and compares text: its encoding, and the collation and character classes its
/// text gets by default (a libc LC_COLLATE and LC_CTYPE, or an ICU or builtin locale). A copy moves the
/// values, not these settings, which are fixed when the database is created. A target made with another
/// locale holds the same strings but sorts them in another order (ORDER BY, comparisons, the order of text
/// indexes), and upper(), lower() and regular expressions treat non-ASCII letters differently: Heroku's
/// databases use en_US.UTF-8, and CloudNativePG creates C unless told otherwise.
/// </summary>
public sealed record DatabaseLocale(string Encoding, string Provider, string Collate, string Ctype, string? Locale)
{
    public static async Task<DatabaseLocale> ReadAsync(NpgsqlConnection connection, ServerVersion version, CancellationToken cancellationToken)
    {
        // PostgreSQL 15 let a database default to an ICU collation (datlocprovider, daticulocale); 17 renamed
        // daticulocale to datlocale and added the builtin provider.
        var (provider, locale) = version.Major switch
        {
            >= 17 => ("d.datlocprovider::text", "d.datlocale"),
            >= 15 => ("d.datlocprovider::text", "d.daticulocale"),
            _ => ("'c'", "NULL::text"),
        };
        await using var command = new NpgsqlCommand(
            $"SELECT pg_encoding_to_char(d.encoding), {provider}, d.datcollate, d.datctype, {locale} FROM pg_database d WHERE d.datname = current_database()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var providerName = reader.GetString(1) switch
        {
            "i" => "icu",
            "b" => "builtin",
            _ => "libc",
        };
        return new DatabaseLocale(reader.GetString(0), providerName, reader.GetString(2), reader.GetString(3), providerName == "libc" || reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    /// <summary>
    /// Refuses a target whose encoding cannot hold every character of the source's: only UTF8 holds them
    /// all, and SQL_ASCII checks nothing.
    /// </summary>
    public static void EnsureTargetCanHold(DatabaseLocale source, DatabaseLocale target, string targetDisplay) =>
        EnsureTargetCanHold(source.Encoding, target, targetDisplay, $" LC_COLLATE '{source.Collate}' LC_CTYPE '{source.Ctype}'");

    /// <summary>
    /// The same refusal for a source known only by its encoding: a backup says how its text is encoded
    /// (the SET client_encoding of its script), not how its database sorted it.
    /// </summary>
    public static void EnsureTargetCanHold(string sourceEncoding, DatabaseLocale target, string targetDisplay) =>
        EnsureTargetCanHold(sourceEncoding, target, targetDisplay, "");

    private static void EnsureTargetCanHold(string sourceEncoding, DatabaseLocale target, string targetDisplay, string localeClause)
    {
        if (target.Encoding == sourceEncoding || target.Encoding == "UTF8")
            return;
        throw new DataMigrationException(
            $"the target database {targetDisplay} stores text as {target.Encoding}, the source as {sourceEncoding}, so text outside {target.Encoding} could not be copied; nothing has been written. " +
            $"Create the target database with ENCODING 'UTF8' (CREATE DATABASE name ENCODING 'UTF8'{localeClause} TEMPLATE template0), then run again.");
    }

    /// <summary>What differs in how the two databases compare and classify text, or null when nothing does.</summary>
    public static string? SortingDifference(DatabaseLocale source, DatabaseLocale target)
    {
        if (source.Provider == target.Provider && source.Locale == target.Locale
            && SameLibcLocale(source.Collate, target.Collate) && SameLibcLocale(source.Ctype, target.Ctype))
            return null;
        return $"the target database sorts and classifies text differently from the source (source: {source.Describe()}; target: {target.Describe()}). " +
               "The rows are the same, but ORDER BY on text, text comparisons and upper()/lower() of non-ASCII letters can give the application other results. " +
               $"To keep the source's behaviour, create the target database with its locale (CREATE DATABASE name LC_COLLATE '{source.Collate}' LC_CTYPE '{source.Ctype}' TEMPLATE template0; " +
               "on CloudNativePG bootstrap.initdb.localeCollate and localeCType).";
    }

    /// <summary>
    /// Whether two libc locale names name the same locale. glibc normalizes the codeset part before it looks a
    /// locale up (lower case, letters and digits only), so en_US.UTF-8 (Heroku, RDS) and en_US.utf8 (the
    /// postgres Docker image's LANG, <c>locale -a</c>) are one locale and sort alike; comparing the text would
    /// tell a user whose target sorts exactly as the source to recreate it.
    /// </summary>
    private static bool SameLibcLocale(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string locale)
    {
        var dot = locale.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return locale;
        var at = locale.IndexOf('@', dot);
        var codeset = at < 0 ? locale[(dot + 1)..] : locale[(dot + 1)..at];
        var normalized = new string(codeset.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return locale[..dot] + "." + normalized + (at < 0 ? "" : locale[at..]);
    }

    private string Describe() =>
        $"{Provider}, LC_COLLATE {Collate}, LC_CTYPE {Ctype}" + (Locale is null ? "" : $", {Provider} locale {Locale}");
}
