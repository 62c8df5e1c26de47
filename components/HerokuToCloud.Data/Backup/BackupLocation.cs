namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Where a backup is: a local file or a URL (the signed HTTPS URL <c>heroku pg:backups:url</c> prints).
/// Plain http is accepted only for loopback addresses (a local mirror, tests); a backup crossing a network
/// must be encrypted in transit. <see cref="Display"/> never includes the URL's query string, which carries
/// the signature that grants access.
/// </summary>
public sealed record BackupLocation
{
    public string? FilePath { get; private init; }

    public Uri? Url { get; private init; }

    public string Display => Url is null ? FilePath! : $"{Url.Scheme}://{Url.Authority}{Url.AbsolutePath}";

    public static bool LooksLikeUrl(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>What --source means by a backup rather than a database: an http(s) URL or an existing file.</summary>
    public static bool IsBackup(string text) => LooksLikeUrl(text) || File.Exists(text);

    public static BackupLocation Parse(string text)
    {
        if (!LooksLikeUrl(text))
            return new BackupLocation { FilePath = text };
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw new DataMigrationException("the backup URL is not a valid URL. Pass it exactly as heroku pg:backups:url prints it (quoted in the shell).");
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            throw new DataMigrationException($"the backup URL {url.Scheme}://{url.Authority}{url.AbsolutePath} uses plain http. Use the https URL heroku pg:backups:url prints; plain http is accepted only from this machine (localhost).");
        return new BackupLocation { Url = url };
    }
}
