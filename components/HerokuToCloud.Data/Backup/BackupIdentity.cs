using System.Globalization;
using System.Security.Cryptography;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Which backup a restore came from, as the target's mark of a completed restore records it
/// (<see cref="State.CompletedCopy"/>), so a rerun can tell the same backup from another. A URL is known as
/// the backup cache knows it: the URL without its query string (the signature, a secret that changes with every
/// heroku pg:backups:url) with the ETag and size of its answer, so a rerun needs only the headers of its GET.
/// A file is known by its full path, its size and a SHA-256 of its first and last megabyte: the start holds
/// the archive's header (with when the dump was made) and table of contents, the end its last data, and
/// unlike a modification time the hash survives the file being copied or downloaded again to the same path.
/// </summary>
public sealed record BackupIdentity(string Text)
{
    private const int SampleBytes = 1024 * 1024;

    /// <summary>The identity of a URL's backup; null without a strong ETag and a size (nothing would tell two backups at one path apart).</summary>
    public static BackupIdentity? OfUrl(BackupLocation location, System.Net.Http.Headers.EntityTagHeaderValue? etag, long? length) =>
        etag is { IsWeak: false } && length > 0
            ? new BackupIdentity(string.Create(CultureInfo.InvariantCulture, $"{location.Display} ({length} bytes, ETag {etag.Tag})"))
            : null;

    /// <summary>The identity of a backup file (reads at most its first and last megabyte).</summary>
    public static async Task<BackupIdentity> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        var length = stream.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[SampleBytes];
        hash.AppendData(buffer, 0, await stream.ReadAtLeastAsync(buffer, SampleBytes, throwOnEndOfStream: false, cancellationToken));
        if (length > SampleBytes)
        {
            stream.Position = Math.Max(SampleBytes, length - SampleBytes);
            hash.AppendData(buffer, 0, await stream.ReadAtLeastAsync(buffer, SampleBytes, throwOnEndOfStream: false, cancellationToken));
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        return new BackupIdentity(string.Create(CultureInfo.InvariantCulture, $"{fullPath} ({length} bytes, SHA-256 of its first and last MB {digest})"));
    }

    public override string ToString() => Text;
}
