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
/// <c>.dump</c> name: a download is written to the entry's <c>.part</c> file and renamed when its last byte
/// is in; a run that stopped part way leaves the <c>.part</c> file, and the next run of the same backup goes
/// on from its end (<see cref="OpenDownload"/>). A run holds the entry's lock (<see cref="Claim"/>) for as long
/// as it uses the entry, so concurrent runs of one backup never share its files. The directory is owner-only
/// (0700) and its files 0600: a backup holds all the data.
/// </summary>
public sealed class BackupCache(string directory)
{
    /// <summary>A download (complete or partial) nobody has used for this long is from a restore that was never rerun.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromDays(7);

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
    /// This run's hold on the entry of <paramref name="path"/> (its complete or partial download; see
    /// <see cref="BackupCacheClaim"/>), or null when another run holds it.
    /// </summary>
    public BackupCacheClaim? Claim(string path) => BackupCacheClaim.TryTake(Path.Combine(Directory, EntryKey(path) + ".lock"));

    /// <summary>
    /// The entry's partial download, opened for writing at its end, with its size: what an earlier run that
    /// stopped part way left (0 when there is none). The caller holds the entry's <see cref="Claim"/>, so no
    /// other run is writing it; it goes on from there or truncates it, and <see cref="Complete"/> gives it
    /// its final name.
    /// </summary>
    public (string Path, FileStream Stream, long Length) OpenDownload(string completePath)
    {
        var path = Path.ChangeExtension(completePath, ".part");
        var stream = PrivateDirectory.CreateOwnerOnlyFile(path, FileMode.OpenOrCreate, access: FileAccess.ReadWrite);
        stream.Seek(0, SeekOrigin.End);
        return (path, stream, stream.Length);
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
        using (var stream = File.OpenRead(completePath))
        {
            if (!DumpFile.StartsWithMagic(stream))
                return false;
        }

        // Counts as used, so the clean-up of unused downloads leaves it alone for another while.
        File.SetLastWriteTimeUtc(completePath, DateTime.UtcNow);
        return true;
    }

    /// <summary>
    /// Makes the directory (owner-only) and removes what earlier runs left and nobody has used for
    /// <see cref="Unused"/>: complete downloads of restores that were never rerun, and partial downloads of
    /// runs that stopped and were never rerun (a rerun of the same backup goes on with its partial download,
    /// so one left by a run killed minutes ago is worth keeping). A file is removed only while this run can
    /// take its entry's lock: a run using it holds the lock (and writes a partial download every moment).
    /// </summary>
    public void Prepare()
    {
        PrivateDirectory.EnsureOwnerOnly(Directory);
        foreach (var download in System.IO.Directory.EnumerateFiles(Directory).Where(f => f.EndsWith(".dump", StringComparison.Ordinal) || f.EndsWith(".part", StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(download) <= Unused)
                continue;
            using var claim = Claim(download);
            if (claim is not null)
                File.Delete(download);
        }
    }

    /// <summary>The entry a file in the directory belongs to: its name up to the first dot (a key is hex digits).</summary>
    private static string EntryKey(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    private static string Key(BackupLocation location, string? etag, long length)
    {
        var identity = $"{location.Display}\n{etag}\n{length}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
