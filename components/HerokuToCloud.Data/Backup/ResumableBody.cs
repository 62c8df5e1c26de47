using System.Net;
using System.Net.Http.Headers;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// The body of a backup download that survives a broken connection. A backup is often tens of
/// gigabytes, and one dropped connection near the end would otherwise mean downloading all of it again.
/// When a read fails, or the body ends before its Content-Length, the rest is asked for
/// (<c>Range: bytes=N-</c>) on the condition that the object is still the one begun (<c>If-Range</c> with its
/// ETag, so a backup replaced meanwhile is never spliced onto the old one's start), up to
/// <see cref="ResumePolicy.MaxResumes"/> times, each after a longer pause. A connection that delivers nothing
/// for <see cref="ResumePolicy.StallTimeout"/> counts as broken: the client has no overall timeout (a large
/// backup takes hours), so a stalled one would otherwise wait forever. Without an ETag or a Content-Length
/// the download cannot be resumed safely, and a break fails it as before. The body may itself be the rest
/// of the backup (a <c>206</c> answer to the request of a run that goes on with an earlier run's partial
/// download): it then counts from where that range starts.
/// </summary>
internal sealed class ResumableBody : IAsyncDisposable
{
    private readonly HttpClient client;
    private readonly Uri url;
    private readonly BackupLocation location;
    private readonly long? length;
    private readonly EntityTagHeaderValue? etag;
    private readonly ResumePolicy policy;
    private readonly IDataProgress progress;
    private HttpResponseMessage response;
    private Stream body;
    private int resumes;

    private ResumableBody(HttpClient client, Uri url, BackupLocation location, HttpResponseMessage response, Stream body, EntityTagHeaderValue? etag, ResumePolicy policy, IDataProgress progress)
    {
        this.client = client;
        this.url = url;
        this.location = location;
        this.response = response;
        this.body = body;
        this.policy = policy;
        this.progress = progress;
        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { From: { } from, Length: { } total })
            (Delivered, length) = (from, total);
        else
            length = response.Content.Headers.ContentLength;
        // If-Range takes only a strong validator; S3 sends a strong ETag.
        this.etag = etag is { IsWeak: false } ? etag : null;
    }

    /// <summary>Bytes of the backup in hand: where the body started (0, or the start of a range) and what it has handed out since.</summary>
    public long Delivered { get; private set; }

    /// <summary>
    /// The body of <paramref name="response"/>, which the result owns from here on; a break is resumed on the
    /// condition that the object still has <paramref name="etag"/> (the ETag of the download's first answer).
    /// </summary>
    public static async Task<ResumableBody> OpenAsync(HttpClient client, Uri url, BackupLocation location, HttpResponseMessage response, EntityTagHeaderValue? etag, ResumePolicy policy, IDataProgress progress, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new ResumableBody(client, url, location, response, body, etag, policy, progress);
    }

    /// <summary>The next bytes of the body, resuming it when the connection breaks; 0 at its end.</summary>
    public async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            string why;
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stall.CancelAfter(policy.StallTimeout);
            try
            {
                var read = await body.ReadAsync(buffer, stall.Token);
                if (read > 0 || length is not { } total || Delivered >= total)
                {
                    Delivered += read;
                    return read;
                }

                why = $"the server ended the body {NounCount.Of(total - Delivered, "byte")} short of its Content-Length";
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                // A connection reset after the last byte loses nothing.
                if (length is { } all && Delivered >= all)
                    return 0;
                why = ex.Message.TrimEnd('.');
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                why = $"no data for {policy.StallTimeout.TotalSeconds:0.#} s";
            }

            await ResumeAsync(why, cancellationToken);
        }
    }

    private async Task ResumeAsync(string why, CancellationToken cancellationToken)
    {
        if (etag is null || length is null)
            throw BrokeOff(location, Delivered, why);

        while (true)
        {
            if (resumes == policy.MaxResumes)
                throw BrokeOff(location, Delivered, $"{why}; gave up after resuming it {NounCount.Of(policy.MaxResumes, "time")}");
            resumes++;
            progress.Note($"the backup download broke off after {NounCount.Of(Delivered, "byte")} ({why}); asking for the rest in {(policy.Pause * resumes).TotalSeconds:0} s (attempt {resumes} of {policy.MaxResumes})");
            await Task.Delay(policy.Pause * resumes, cancellationToken);
            await DisposeAsync();

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(Delivered, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(etag);
            HttpResponseMessage next;
            try
            {
                next = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                why = BackupDownloader.Describe(ex).TrimEnd('.');
                continue;
            }
            catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
            {
                why = $"no answer within {policy.StallTimeout.TotalSeconds:0.#} s";
                continue;
            }

            if (next.StatusCode == HttpStatusCode.PartialContent && next.Content.Headers.ContentRange is { From: { } from, Length: { } total } && from == Delivered && total == length)
            {
                response = next;
                body = await next.Content.ReadAsStreamAsync(cancellationToken);
                return;
            }

            var code = next.StatusCode;
            var status = $"HTTP {(int)code} {next.ReasonPhrase}";
            next.Dispose();
            if ((int)code >= 500 || code == HttpStatusCode.TooManyRequests)
            {
                why = status;
                continue;
            }

            throw new DataMigrationException(
                $"the download of the backup from {location.Display} broke off after {NounCount.Of(Delivered, "byte")} ({why}), and asking for the rest was answered with {status}: " +
                (code is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    ? "signed backup URLs expire. Nothing has been written to the target: rerun the command with a fresh heroku pg:backups:url."
                    : code == HttpStatusCode.OK
                        ? "the server sent the whole backup again instead of the rest, so the backup at that URL changed since the download began (or the server cannot resume). Nothing has been written to the target: rerun the command."
                        : "Nothing has been written to the target: rerun the command."));
        }
    }

    /// <summary>A download that stopped short, and what to do.</summary>
    public static DataMigrationException BrokeOff(BackupLocation location, long done, string why) =>
        new($"the download of the backup from {location.Display} broke off after {NounCount.Of(done, "byte")} ({why}). Nothing has been written to the target: rerun the command (with a fresh heroku pg:backups:url if the URL has expired).");

    public async ValueTask DisposeAsync()
    {
        await body.DisposeAsync();
        response.Dispose();
    }
}
