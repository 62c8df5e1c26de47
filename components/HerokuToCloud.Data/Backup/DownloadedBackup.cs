using HerokuToCloud.Data.Storage;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// A backup downloaded to this machine: in the <see cref="BackupCache"/> (kept after a failed run so the
/// rerun reuses it) or, without a cache or a known size, in a temporary owner-only directory of its own.
/// </summary>
public sealed class DownloadedBackup(string path, bool cached, bool reused, PrivateDirectory? scratch = null)
{
    public string Path { get; } = path;

    /// <summary>Kept in the cache: a rerun after a failure finds it there.</summary>
    public bool Cached { get; } = cached;

    /// <summary>Found complete in the cache, from an earlier run: nothing was downloaded.</summary>
    public bool Reused { get; } = reused;

    public void Delete()
    {
        File.Delete(Path);
        scratch?.Dispose();
    }
}
