using System.Buffers;
using System.Net;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.Storage;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Streams a backup from its URL into a file (pg_restore -j needs a seekable file) in the
/// <see cref="BackupCache"/>, or reuses the complete copy an earlier run left there, reporting
/// bytes as it goes and checking the PGDMP magic on the first bytes so a wrong URL fails before the
/// whole body has downloaded.
/// </summary>
/// <remarks>
/// A connection that breaks or stalls mid-body is resumed where it stopped (<see cref="ResumableBody"/>), as
/// patiently as <paramref name="resume"/> says (default <see cref="ResumePolicy.Default"/>).
/// </remarks>
public sealed class BackupDownloader(HttpMessageHandler? handler = null, BackupCache? cache = null, ResumePolicy? resume = null)
{
    private readonly BackupCache? cache = cache ?? BackupCache.ForCurrentUser();

    private readonly ResumePolicy resume = resume ?? ResumePolicy.Default;

    private const int BufferBytes = 1024 * 1024;

    /// <summary>
    /// HttpClient words a TLS failure as "The SSL connection could not be established, see inner exception.",
    /// which a user cannot: the inner exceptions say why (an expired certificate, a name that does not match,
    /// a server that does not speak TLS), so their messages follow it.
    /// </summary>
    internal static string Describe(HttpRequestException error)
    {
        const string pointer = ", see inner exception.";
        if (!error.Message.EndsWith(pointer, StringComparison.Ordinal) || error.InnerException is null)
            return error.Message;
        var reasons = new List<string> { error.Message[..^pointer.Length] };
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
            reasons.Add(inner.Message.TrimEnd('.'));
        return string.Join(": ", reasons.Distinct(StringComparer.Ordinal)) + ".";
    }

    private static DataMigrationException NotADump(BackupLocation location) =>
        new($"{location.Display} is not a pg_dump custom-format file (it does not start with PGDMP). Pass the URL heroku pg:backups:url prints.");

    public async Task<DownloadedBackup> DownloadAsync(BackupLocation location, IDataProgress progress, CancellationToken cancellationToken)
    {
        var url = location.Url ?? throw new ArgumentException("not a URL location", nameof(location));
        var usableCache = PrepareCache(progress);
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // Bounds the wait for a response's headers only: its body is read afterwards (ResponseHeadersRead),
        // watched for stalls by ResumableBody, and may take hours.
        client.Timeout = resume.StallTimeout;
        HttpResponseMessage response;
        try
        {
            // A GET, not a HEAD, even when the cached copy turns out to be usable: a signed URL is signed for
            // one method, and the body is simply not read then.
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DataMigrationException($"cannot download the backup from {location.Display}: {Describe(ex)}", ex);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new DataMigrationException($"cannot download the backup from {location.Display}: the server did not answer within {resume.StallTimeout.TotalSeconds:0.#} s. Check the URL and the network, and rerun the command.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    ? " Signed backup URLs expire: get a fresh one with heroku pg:backups:url."
                    : "";
                throw new DataMigrationException($"downloading the backup from {location.Display} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.{hint}");
            }

            var length = response.Content.Headers.ContentLength;
            // Without a size a cut-off download could not be told from a complete one: such a body is not cached.
            var complete = usableCache is not null && length > 0 ? usableCache.CompletePath(location, response.Headers.ETag?.Tag, length.Value) : null;
            var claim = complete is null ? null : usableCache!.Claim(complete);
            if (complete is not null && claim is null)
            {
                // Waiting could take the whole of the other run's restore, and it deletes the file when it
                // succeeds: a copy of this run's own lets both go on, at the cost of the disk space.
                progress.Note($"another heroku2cloud run is downloading or restoring this backup from {usableCache!.Directory} (or its lock file there cannot be opened); this run downloads its own copy to a temporary directory, deleted when it ends (it needs {length!.Value / 1024.0 / 1024.0:0.0} MB more disk space)");
                complete = null;
            }

            PrivateDirectory? scratch = null;
            string file;
            FileStream output;
            try
            {
                if (complete is not null && BackupCache.IsUsable(complete, length!.Value))
                {
                    progress.Note($"reusing the backup an earlier run downloaded ({length.Value / 1024.0 / 1024.0:0.0} MB in {usableCache!.Directory}): same URL path, size and ETag");
                    return new DownloadedBackup(complete, cached: true, reused: true, claim: claim);
                }

                if (complete is not null)
                {
                    (file, output) = usableCache!.StartDownload(complete);
                }
                else
                {
                    scratch = PrivateDirectory.CreateTemporary("heroku2cloud-backup-");
                    file = Path.Combine(scratch.Path, "backup.dump");
                    output = PrivateDirectory.CreateOwnerOnlyFile(file);
                }
            }
            catch
            {
                scratch?.Dispose();
                claim?.Dispose();
                throw;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                await using (output)
                {
                    await using var body = await ResumableBody.OpenAsync(client, url, location, response, this.resume, progress, cancellationToken);
                    const string name = "backup download";
                    progress.DownloadStarted(name, length ?? 0);
                    int read;
                    // The magic is checked once its bytes are in, which the first read need not bring all of (a
                    // chunked body, a small first TLS record).
                    var head = new byte[DumpFile.MagicLength];
                    var headLength = 0;
                    while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                    {
                        if (headLength < head.Length)
                        {
                            var taken = Math.Min(head.Length - headLength, read);
                            buffer.AsSpan(0, taken).CopyTo(head.AsSpan(headLength));
                            headLength += taken;
                            if (headLength == head.Length && !DumpFile.HasMagic(head))
                                throw NotADump(location);
                        }

                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        progress.DownloadAdvanced(name, body.Delivered);
                    }

                    if (headLength < head.Length)
                        throw NotADump(location);
                    if (length is { } expected && body.Delivered != expected)
                        throw ResumableBody.BrokeOff(location, body.Delivered, $"the server announced {NounCount.Of(expected, "byte")}");
                    progress.DownloadFinished(name, body.Delivered);
                }

                if (complete is null)
                    return new DownloadedBackup(file, cached: false, reused: false, scratch);
                BackupCache.Complete(file, complete);
                return new DownloadedBackup(complete, cached: true, reused: false, claim: claim);
            }
            catch
            {
                File.Delete(file);
                scratch?.Dispose();
                claim?.Dispose();
                throw;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The cache, made ready; null (download to a temporary directory) when it cannot be, with a note why.</summary>
    private BackupCache? PrepareCache(IDataProgress progress)
    {
        if (cache is null)
            return null;
        try
        {
            cache.Prepare();
            return cache;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.Note($"cannot use {cache.Directory} to keep the download for a rerun ({ex.Message}); downloading to a temporary directory (set HEROKU2CLOUD_CACHE_DIR to a writable directory)");
            return null;
        }
    }
}
