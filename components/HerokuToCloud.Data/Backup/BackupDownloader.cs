using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
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

    public async Task<DownloadedBackup> DownloadAsync(BackupLocation location, IDataProgress progress, CancellationToken cancellationToken) =>
        (await DownloadAsync(location, progress, alreadyRestored: null, cancellationToken))!;

    /// <summary>
    /// Downloads the backup, unless <paramref name="alreadyRestored"/>, asked with the backup's identity as
    /// soon as the headers of the first answer are in, says the target already holds it: then nothing is read
    /// of the body and the result is null. A backup without an identity (no strong ETag or no size) is not asked about.
    /// </summary>
    public async Task<DownloadedBackup?> DownloadAsync(BackupLocation location, IDataProgress progress, Func<BackupIdentity, Task<bool>>? alreadyRestored, CancellationToken cancellationToken)
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
            var etag = response.Headers.ETag;
            if (alreadyRestored is not null && BackupIdentity.OfUrl(location, etag, length) is { } identity && await alreadyRestored(identity))
                return null;

            // Without a size a cut-off download could not be told from a complete one: such a body is not cached.
            var complete = usableCache is not null && length > 0 ? usableCache.CompletePath(location, etag?.Tag, length.Value) : null;
            var claim = complete is null ? null : usableCache!.Claim(complete);
            if (complete is not null && claim is null)
            {
                // Waiting could take the whole of the other run's restore, and it deletes the file when it
                // succeeds: a copy of this run's own lets both go on, at the cost of the disk space.
                progress.Note($"another heroku2cloud run is downloading or restoring this backup from {usableCache!.Directory} (or its lock file there cannot be opened); this run downloads its own copy to a temporary directory, deleted when it ends (it needs {Megabytes(length!.Value)} MB more disk space)");
                complete = null;
            }

            PrivateDirectory? scratch = null;
            string file;
            FileStream output;
            long earlierPart = 0;
            try
            {
                if (complete is not null && BackupCache.IsUsable(complete, length!.Value))
                {
                    progress.Note($"reusing the backup an earlier run downloaded ({Megabytes(length.Value)} MB in {usableCache!.Directory}): same URL path, size and ETag");
                    return new DownloadedBackup(complete, cached: true, reused: true, claim: claim);
                }

                if (complete is not null)
                {
                    (file, output, earlierPart) = usableCache!.OpenDownload(complete);
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

            // Set once the file is known to hold the start of a dump: a failure after that keeps a cached
            // partial download for the rerun, which goes on from its end; before it, the file is anyone's bytes.
            var dumpStart = false;
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                await using (output)
                {
                    var answer = earlierPart > 0 ? await ContinueAsync(client, location, response, output, earlierPart, length!.Value, usableCache!.Directory, progress, cancellationToken) : response;
                    await using var body = await ResumableBody.OpenAsync(client, url, location, answer, etag, this.resume, progress, cancellationToken);
                    // Progress counts this run's bytes, so its rate and ETA are this run's.
                    var resumedAt = body.Delivered;
                    dumpStart = resumedAt > 0;
                    const string name = "backup download";
                    progress.DownloadStarted(name, length is { } total ? total - resumedAt : 0);
                    int read;
                    // The magic is checked once its bytes are in, which the first read need not bring all of (a
                    // chunked body, a small first TLS record). A continued download's was checked in the file.
                    var head = new byte[DumpFile.MagicLength];
                    var headLength = dumpStart ? head.Length : 0;
                    while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                    {
                        if (headLength < head.Length)
                        {
                            var taken = Math.Min(head.Length - headLength, read);
                            buffer.AsSpan(0, taken).CopyTo(head.AsSpan(headLength));
                            headLength += taken;
                            if (headLength == head.Length && !DumpFile.HasMagic(head))
                                throw NotADump(location);
                            dumpStart = headLength == head.Length;
                        }

                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        progress.DownloadAdvanced(name, body.Delivered - resumedAt);
                    }

                    if (headLength < head.Length)
                        throw NotADump(location);
                    if (length is { } expected && body.Delivered != expected)
                        throw ResumableBody.BrokeOff(location, body.Delivered, $"the server announced {NounCount.Of(expected, "byte")}");
                    progress.DownloadFinished(name, body.Delivered - resumedAt);
                }

                if (complete is null)
                    return new DownloadedBackup(file, cached: false, reused: false, scratch);
                BackupCache.Complete(file, complete);
                return new DownloadedBackup(complete, cached: true, reused: false, claim: claim);
            }
            catch
            {
                if (complete is not null && dumpStart)
                    progress.Note($"the {Megabytes(new FileInfo(file).Length)} MB downloaded so far are kept in {usableCache!.Directory}: rerunning the command with this backup goes on from there");
                else
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

    /// <summary>
    /// What a run that finds an earlier run's partial download of this backup (<paramref name="part"/>, of
    /// <paramref name="partLength"/> bytes) reads: the rest of the backup, asked for from the end of the partial
    /// download (<c>Range</c>) on the condition that the object is still the one it holds the start of
    /// (<c>If-Range</c> with the ETag), and appended to it; or, when the rest cannot be had (a 200, which is
    /// the whole object again, a 416, any other answer or none) or the partial download cannot be trusted
    /// (no strong ETag, no PGDMP at its start, not shorter than the backup), the whole body of
    /// <paramref name="first"/>, written over it from the start.
    /// </summary>
    private async Task<HttpResponseMessage> ContinueAsync(HttpClient client, BackupLocation location, HttpResponseMessage first, FileStream part, long partLength, long length, string directory, IDataProgress progress, CancellationToken cancellationToken)
    {
        string why;
        if (first.Headers.ETag is not { IsWeak: false } etag)
        {
            why = "the server sends no strong ETag, so the rest of the same object cannot be asked for";
        }
        else if (partLength >= length)
        {
            why = $"it is not shorter than the backup's {NounCount.Of(length, "byte")}";
        }
        else if (!DumpFile.StartsWithMagic(part))
        {
            why = "it does not start with PGDMP";
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, location.Url);
            request.Headers.Range = new RangeHeaderValue(partLength, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(etag);
            try
            {
                var rest = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (rest.StatusCode == HttpStatusCode.PartialContent && rest.Content.Headers.ContentRange is { From: { } from, Length: { } total } && from == partLength && total == length)
                {
                    part.Seek(0, SeekOrigin.End);
                    progress.Note($"resuming download at {Megabytes(partLength)} MB of {Megabytes(length)} MB: an earlier run of this backup left that much in {directory}");
                    // Its body is never read: the connection goes back now, not when the download ends hours later.
                    first.Dispose();
                    return rest;
                }

                why = rest.StatusCode == HttpStatusCode.OK
                    ? "asked for the rest, the server sent the whole backup (HTTP 200): it cannot resume, or the object changed"
                    : $"asking for the rest was answered with HTTP {(int)rest.StatusCode} {rest.ReasonPhrase}";
                rest.Dispose();
            }
            catch (HttpRequestException ex)
            {
                why = $"asking for the rest failed: {Describe(ex).TrimEnd('.')}";
            }
            catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
            {
                why = $"asking for the rest got no answer within {resume.StallTimeout.TotalSeconds:0.#} s";
            }
        }

        progress.Note($"an earlier run of this backup left {Megabytes(partLength)} MB of it in {directory}, which cannot be continued ({why}): downloading it from the start");
        part.SetLength(0);
        return first;
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

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
