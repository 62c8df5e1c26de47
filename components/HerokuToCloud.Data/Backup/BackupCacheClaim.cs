using HerokuToCloud.Data.Storage;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// One run's hold on one backup's cache entry: an exclusive lock on the entry's <c>.lock</c> file, taken
/// before the run looks at the entry and kept until it is done with it (downloaded, restored, and deleted
/// after success or kept for a rerun). Only the holder downloads into the entry, reads it or deletes it, so
/// one run cannot delete the file another is restoring from, and two runs never write it at once. The lock
/// is the operating system's (flock on Linux and macOS), so a killed run's hold ends with its process. The
/// lock file stays: it is empty, and deleting it would let two runs lock two different files of one name.
/// </summary>
public sealed class BackupCacheClaim : IDisposable
{
    private readonly FileStream lockFile;

    private BackupCacheClaim(FileStream lockFile) => this.lockFile = lockFile;

    /// <summary>The entry's lock, or null when another run holds it (or it cannot be taken).</summary>
    public static BackupCacheClaim? TryTake(string lockPath)
    {
        try
        {
            return new BackupCacheClaim(PrivateDirectory.CreateOwnerOnlyFile(lockPath, FileMode.OpenOrCreate));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held by another run, or a lock file this user may not open: either way, not this run's entry.
            return null;
        }
    }

    public void Dispose() => lockFile.Dispose();
}
