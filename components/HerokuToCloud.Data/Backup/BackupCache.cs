using System.Security.Cryptography;
using System.Text;
using HerokuToCloud.Data.Storage;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Where downloaded backups are kept between runs, so that a rerun after a failed or killed restore does
/// not download a multi-gigabyte backup again. A backup is known by its URL without the query string (the
/// query of a heroku pg:backups:url URL is a signature that changes every time the URL is asked for; the
/// path names the backup object) together with the ETag and Content-Length the server sends for it, so a
/// different object at the same path is never taken for the cached one. Only complete downloads carry the
/// <c>.dump</c> name: a download is written to a <c>.part</c> file, held with an exclusive lock, and renamed
/// when its last byte is in. A run holds the entry's lock (<see cref="Claim"/>) for as long as it uses the
/// entry, so concurrent runs of one backup never share its file. The directory is owner-only (0700) and its
/// files 0600: a backup holds all the data.
/// </summary>
public sealed class BackupCache(string directory)
{
    /// <summary>A complete download nobody has used for this long is from a restore that was never rerun.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromDays(7);

    /// <summary>A partial download nobody has written to for this long is a killed run's, not a live one's.</summary>
    public static readonly TimeSpan AbandonedPart = TimeSpan.FromMinutes(10);

    public string Directory { get; } = directory;

    /// <summary>
    /// HEROKU2CLOUD_CACHE_DIR, else $XDG_CACHE_HOME/heroku2cloud, else ~/.cache/heroku2cloud (with backups/
    /// under it); null without a home directory, when a download goes to a temporary directory of its own
    /// (a shared directory such as /tmp could have been created by another user in advance).
    /// </summary>
    public static BackupCache? ForCurrentUser()
    {
        var configured = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CACHE_DIR");
        if (!string.IsNullOrEmpty(configured))
            return new BackupCache(Path.Combine(configured, "backups"));
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return new BackupCache(Path.Combine(xdg, "heroku2cloud", "backups"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) || home == "/" ? null : new BackupCache(Path.Combine(home, ".cache", "heroku2cloud", "backups"));
    }

    /// <summary>The file a complete download of this backup has; the identity needs a size (no Content-Length, no caching).</summary>
    public string CompletePath(BackupLocation location, string? etag, long length) => Path.Combine(Directory, Key(location, etag, length) + ".dump");

    /// <summary>
    /// This run's hold on the entry of <paramref name="completePath"/> (see <see cref="BackupCacheClaim"/>), or
    /// null when another run holds it. Holding it, the run removes the partial downloads an earlier, killed
    /// run left for this entry at once: nobody else may be writing them.
    /// </summary>
    public BackupCacheClaim? Claim(string completePath)
    {
        var key = Path.GetFileNameWithoutExtension(completePath);
        var claim = BackupCacheClaim.TryTake(Path.Combine(Directory, key + ".lock"));
        if (claim is null)
            return null;
        try
        {
            foreach (var part in System.IO.Directory.EnumerateFiles(Directory, key + ".*.part"))
                File.Delete(part);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a leftover that cannot be removed costs disk space, not correctness
        }

        return claim;
    }

    /// <summary>A new, locked, owner-only file to download into; <see cref="Complete"/> gives it its final name.</summary>
    public (string Path, FileStream Stream) StartDownload(string completePath)
    {
        var path = $"{completePath[..^".dump".Length]}.{Guid.NewGuid():N}.part";
        return (path, PrivateDirectory.CreateOwnerOnlyFile(path));
    }

    /// <summary>Renames a finished download to its final name, replacing one another run may have finished meanwhile (the same bytes).</summary>
    public static void Complete(string partPath, string completePath) => File.Move(partPath, completePath, overwrite: true);

    /// <summary>
    /// Whether <paramref name="completePath"/> is a download this run can use: complete (its size is the
    /// Content-Length, so it was not cut short) and a custom-format archive.
    /// </summary>
    public static bool IsUsable(string completePath, long length)
    {
        var file = new FileInfo(completePath);
        if (!file.Exists || file.Length != length)
            return false;
        Span<byte> start = stackalloc byte[DumpFile.MagicLength];
        using (var stream = File.OpenRead(completePath))
        {
            if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !DumpFile.HasMagic(start))
                return false;
        }

        // Counts as used, so the clean-up of unused downloads leaves it alone for another while.
        File.SetLastWriteTimeUtc(completePath, DateTime.UtcNow);
        return true;
    }

    /// <summary>
    /// Makes the directory (owner-only) and removes what earlier runs left: partial downloads of killed runs,
    /// and complete ones unused for <see cref="Unused"/>. A partial download is removed only when nobody has
    /// written to it for <see cref="AbandonedPart"/> and no run holds its lock: a live download writes every
    /// moment and holds its file's lock, and either alone keeps it (the age guards a file system whose locks
    /// do not work). A rerun of the same backup removes its entry's partial downloads at once (<see cref="Claim"/>).
    /// </summary>
    public void Prepare()
    {
        PrivateDirectory.EnsureOwnerOnly(Directory);
        foreach (var part in System.IO.Directory.EnumerateFiles(Directory, "*.part"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(part) < AbandonedPart)
                continue;
            try
            {
                using (new FileStream(part, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }

                File.Delete(part);
            }
            catch (IOException)
            {
                // another run is downloading into it
            }
        }

        foreach (var dump in System.IO.Directory.EnumerateFiles(Directory, "*.dump"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(dump) <= Unused)
                continue;
            using var claim = Claim(dump);
            if (claim is not null)
                File.Delete(dump);
        }
    }

    private static string Key(BackupLocation location, string? etag, long length)
    {
        var identity = $"{location.Display}\n{etag}\n{length}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
