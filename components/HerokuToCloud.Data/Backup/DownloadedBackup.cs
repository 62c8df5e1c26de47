using HerokuToCloud.Data.Storage;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// A backup downloaded to this machine: in the <see cref="BackupCache"/> (kept after a failed run so the
/// rerun reuses it, and held by this run's <see cref="BackupCacheClaim"/> until it is disposed) or, without
/// a cache, a known size or a free cache entry, in a temporary owner-only directory of its own.
/// </summary>
public sealed class DownloadedBackup(string path, bool cached, bool reused, PrivateDirectory? scratch = null, BackupCacheClaim? claim = null) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>Kept in the cache: a rerun after a failure finds it there.</summary>
    public bool Cached { get; } = cached;

    /// <summary>Found complete in the cache, from an earlier run: nothing was downloaded.</summary>
    public bool Reused { get; } = reused;

    /// <summary>Deletes the file, then lets other runs have the cache entry.</summary>
    public void Delete()
    {
        File.Delete(Path);
        Dispose();
    }

    /// <summary>Lets other runs have the cache entry (the file stays) and removes a temporary directory.</summary>
    public void Dispose()
    {
        scratch?.Dispose();
        claim?.Dispose();
    }
}
