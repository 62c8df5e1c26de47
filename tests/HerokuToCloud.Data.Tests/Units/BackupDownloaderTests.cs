using System.Net;
using System.Net.Http.Headers;
using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Units;

public class BackupDownloaderTests
{
    /// <summary>A body that arrives a few bytes per read, as a chunked response or small TLS records may.</summary>
    private sealed class TricklingStream(byte[] content, int perRead) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(perRead, buffer.Length)], cancellationToken);
    }

    private sealed class ServingHandler(byte[] content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TricklingStream(content, perRead: 2)) });
    }

    private static readonly BackupLocation Location = BackupLocation.Parse("https://backups.example.com/b001?X-Amz-Signature=secret");

    private static readonly byte[] Archive = System.Text.Encoding.ASCII.GetBytes("PGDMP\u0001\u000e\u0000" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i:D6}")));

    /// <summary>
    /// A body that breaks with an IOException, as a dropped connection does, after <paramref name="breakAfter"/>
    /// bytes; or, with <paramref name="stall"/>, sends nothing more, as a stalled one does.
    /// </summary>
    private sealed class BreakingStream(byte[] content, int breakAfter, bool resetAtEnd = false, bool stall = false) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position == Length && !resetAtEnd)
                return 0;
            if (Position >= breakAfter && stall)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            if (Position >= breakAfter)
                throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - Position)], cancellationToken);
        }
    }

    /// <summary>
    /// Serves the archive as S3 does (Content-Length, ETag, ranges honoured under If-Range), each response
    /// breaking at the next of <paramref name="breaks"/> (an offset into the whole archive), and records what
    /// each request asked for. <see cref="ResumeStatus"/> replaces the answer to a range request.
    /// </summary>
    private sealed class FlakyHandler(string? etag, params int[] breaks) : HttpMessageHandler
    {
        public List<(long? From, string? IfRange)> Requests { get; } = [];

        public HttpStatusCode? ResumeStatus { get; init; }

        public bool ResetAtEnd { get; init; }

        /// <summary>The first response stalls at its break instead of failing.</summary>
        public bool StallFirst { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var from = request.Headers.Range?.Ranges.Single().From;
            Requests.Add((from, request.Headers.IfRange?.EntityTag?.Tag));
            var breakAt = Requests.Count <= breaks.Length ? breaks[Requests.Count - 1] : Archive.Length;
            HttpResponseMessage response;
            if (from is not null && ResumeStatus is { } status)
            {
                response = new HttpResponseMessage(status) { Content = new ByteArrayContent(status == HttpStatusCode.OK ? Archive : []) };
            }
            else if (from is { } offset)
            {
                var rest = Archive[(int)offset..];
                response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new StreamContent(new BreakingStream(rest, breakAt - (int)offset)) };
                response.Content.Headers.ContentLength = rest.Length;
                response.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, Archive.Length - 1, Archive.Length);
            }
            else
            {
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(Archive, breakAt, ResetAtEnd, StallFirst)) };
                response.Content.Headers.ContentLength = Archive.Length;
            }

            if (etag is not null)
                response.Headers.ETag = new EntityTagHeaderValue(etag);
            return Task.FromResult(response);
        }
    }

    private static async Task<DownloadedBackup> DownloadAsync(HttpMessageHandler handler, PrivateDirectory cache, RecordingProgress? progress = null) =>
        await new BackupDownloader(handler, new BackupCache(cache.Path), new ResumePolicy { Pause = TimeSpan.Zero, StallTimeout = TimeSpan.FromMilliseconds(300) }).DownloadAsync(Location, progress ?? new RecordingProgress(), CancellationToken.None);

    [Fact]
    public async Task A_download_whose_connection_breaks_is_resumed_from_the_byte_it_reached_if_the_backup_is_unchanged()
    {
        using var handler = new FlakyHandler("\"v1\"", 3000, 3000, 9000);
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        var progress = new RecordingProgress();

        using var file = await DownloadAsync(handler, cache, progress);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        // The second answer broke before its first byte: the third asks from the same place.
        Assert.Equal([(null, null), (3000, "\"v1\""), (3000, "\"v1\""), (9000, "\"v1\"")], handler.Requests);
        Assert.Contains(progress.Events, e => e.Contains("broke off after 9,000 bytes (Unable to read data from the transport connection: Connection reset by peer)", StringComparison.Ordinal) && e.Contains("attempt 3 of 5", StringComparison.Ordinal));
    }

    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_is_given_up_on_with_a_clear_error_not_taken_for_ctrl_c()
    {
        using var handler = new SilentHandler();
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DownloadAsync(handler, cache));

        Assert.Equal("cannot download the backup from https://backups.example.com/b001: the server did not answer within 0.3 s. Check the URL and the network, and rerun the command.", error.Message);
    }

    [Fact]
    public async Task A_connection_that_stalls_counts_as_broken_and_is_resumed()
    {
        using var handler = new FlakyHandler("\"v1\"", 5000) { StallFirst = true };
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        var progress = new RecordingProgress();

        using var file = await DownloadAsync(handler, cache, progress);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        Assert.Equal([(null, null), (5000, "\"v1\"")], handler.Requests);
        Assert.Contains(progress.Events, e => e.Contains("broke off after 5,000 bytes (no data for 0.3 s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_reset_after_the_last_byte_loses_nothing_and_asks_for_nothing()
    {
        using var handler = new FlakyHandler("\"v1\"") { ResetAtEnd = true };
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");

        using var file = await DownloadAsync(handler, cache);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_download_without_an_etag_is_not_resumed()
    {
        using var handler = new FlakyHandler(null, 3000);
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DownloadAsync(handler, cache));

        Assert.StartsWith("the download of the backup from https://backups.example.com/b001 broke off after 3,000 bytes (Unable to read data", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.dump"));
    }

    [Fact]
    public async Task A_download_that_keeps_breaking_gives_up_after_five_resumes_and_the_rerun_goes_on_from_where_it_stopped()
    {
        using var handler = new FlakyHandler("\"v1\"", 1000, 2000, 3000, 4000, 5000, 6000);
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        var failed = new RecordingProgress();

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DownloadAsync(handler, cache, failed));

        Assert.Contains("broke off after 6,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after resuming it 5 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, handler.Requests.Count);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.dump"));
        Assert.Equal(Archive[..6000], await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(cache.Path, "*.part"))));
        Assert.Contains(failed.Events, e => e.Contains("0.0 MB downloaded so far are kept in", StringComparison.Ordinal));

        // The rest breaks in its turn, and is resumed within the run from where the whole backup stands.
        using var rerunHandler = new FlakyHandler("\"v1\"", Archive.Length, 9000);
        var rerun = new RecordingProgress();
        using var file = await DownloadAsync(rerunHandler, cache, rerun);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        // The first answer's headers name the entry; its body is left unread for the rest of the same object.
        Assert.Equal([(null, null), (6000, "\"v1\""), (9000, "\"v1\"")], rerunHandler.Requests);
        Assert.Contains($"note resuming download at 0.0 MB of 0.0 MB: an earlier run of this backup left that much in {cache.Path}", rerun.Events);
        // Progress counts this run's bytes, so its rate is this run's.
        Assert.Contains($"download start backup download {Archive.Length - 6000}", rerun.Events);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.part"));
    }

    /// <summary>The partial download a killed run left in the cache entry of <see cref="Location"/> served with ETag "v1".</summary>
    private static async Task LeavePartAsync(PrivateDirectory cache, byte[] content)
    {
        var entries = new BackupCache(cache.Path);
        var (_, stream, _) = entries.OpenDownload(entries.CompletePath(Location, "\"v1\"", Archive.Length));
        await using (stream)
            await stream.WriteAsync(content);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "asked for the rest, the server sent the whole backup (HTTP 200)")]
    [InlineData(HttpStatusCode.RequestedRangeNotSatisfiable, "asking for the rest was answered with HTTP 416")]
    public async Task A_rerun_whose_request_for_the_rest_is_not_answered_with_it_downloads_from_the_start(HttpStatusCode answer, string reason)
    {
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        await LeavePartAsync(cache, Archive[..3000]);
        using var handler = new FlakyHandler("\"v1\"") { ResumeStatus = answer };
        var progress = new RecordingProgress();

        using var file = await DownloadAsync(handler, cache, progress);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        Assert.Equal([(null, null), (3000, "\"v1\"")], handler.Requests);
        Assert.Contains(progress.Events, e => e.Contains($"cannot be continued ({reason}", StringComparison.Ordinal) && e.EndsWith("downloading it from the start", StringComparison.Ordinal));
        Assert.Contains($"download start backup download {Archive.Length}", progress.Events);
    }

    [Fact]
    public async Task A_partial_download_larger_than_the_backup_is_not_continued_but_downloaded_again()
    {
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        await LeavePartAsync(cache, [.. Archive, .. "trailing bytes"u8.ToArray()]);
        using var handler = new FlakyHandler("\"v1\"");
        var progress = new RecordingProgress();

        using var file = await DownloadAsync(handler, cache, progress);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        Assert.Single(handler.Requests);
        Assert.Contains(progress.Events, e => e.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cannot be continued (it is not shorter than the backup's {Archive.Length:N0} bytes)"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_download_that_does_not_start_with_the_magic_is_downloaded_again()
    {
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        await LeavePartAsync(cache, "<html>AccessDenied</html>"u8.ToArray());
        using var handler = new FlakyHandler("\"v1\"");
        var progress = new RecordingProgress();

        using var file = await DownloadAsync(handler, cache, progress);

        Assert.Equal(Archive, await File.ReadAllBytesAsync(file.Path));
        Assert.Single(handler.Requests);
        Assert.Contains(progress.Events, e => e.Contains("cannot be continued (it does not start with PGDMP)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "the server sent the whole backup again instead of the rest, so the backup at that URL changed")]
    [InlineData(HttpStatusCode.Forbidden, "HTTP 403 Forbidden: signed backup URLs expire")]
    public async Task A_resume_the_server_will_not_give_fails_with_the_reason(HttpStatusCode answer, string reason)
    {
        using var handler = new FlakyHandler("\"v1\"", 3000) { ResumeStatus = answer };
        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DownloadAsync(handler, cache));

        Assert.Contains("broke off after 3,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.dump"));
    }

    [Fact]
    public async Task A_dump_whose_first_read_brings_less_than_the_magic_is_downloaded_whole()
    {
        var content = "PGDMP\u0001\u000e\u0000 the rest of the archive"u8.ToArray();
        using var handler = new ServingHandler(content);

        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        var file = await new BackupDownloader(handler, new BackupCache(cache.Path)).DownloadAsync(Location, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(content, await File.ReadAllBytesAsync(file.Path));
    }

    [Theory]
    [InlineData("<html>AccessDenied</html>")]
    [InlineData("PGD")]
    public async Task A_body_that_is_not_a_dump_is_refused_whatever_its_reads(string body)
    {
        using var handler = new ServingHandler(System.Text.Encoding.UTF8.GetBytes(body));

        using var cache = PrivateDirectory.CreateTemporary("h2c-cache-");
        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new BackupDownloader(handler, new BackupCache(cache.Path)).DownloadAsync(Location, new RecordingProgress(), CancellationToken.None));

        Assert.Equal("https://backups.example.com/b001 is not a pg_dump custom-format file (it does not start with PGDMP). Pass the URL heroku pg:backups:url prints.", error.Message);
    }
}
