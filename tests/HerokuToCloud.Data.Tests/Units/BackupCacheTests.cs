using System.Net;
using System.Net.Http.Headers;
using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Units;

public sealed class BackupCacheTests : IDisposable
{
    private static readonly byte[] Archive = "PGDMP\u0001\u000e\u0000 the rest of the archive"u8.ToArray();

    private readonly PrivateDirectory home = PrivateDirectory.CreateTemporary("h2c-cache-test-");

    /// <summary>Serves a dump with a Content-Length and an ETag, as S3 does, and counts the bodies it was asked to send.</summary>
    private sealed class CountingHandler(byte[] content, string etag = "\"abc\"") : HttpMessageHandler
    {
        public int BodiesRead;

        public byte[] Content { get; set; } = content;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ReadCountingContent(this) };
            response.Headers.ETag = new EntityTagHeaderValue(etag);
            return Task.FromResult(response);
        }

        private sealed class ReadCountingContent(CountingHandler owner) : HttpContent
        {
            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(owner.Content).AsTask();

            protected override Task<Stream> CreateContentReadStreamAsync()
            {
                Interlocked.Increment(ref owner.BodiesRead);
                return Task.FromResult<Stream>(new MemoryStream(owner.Content));
            }

            protected override bool TryComputeLength(out long length)
            {
                length = owner.Content.Length;
                return true;
            }
        }
    }

    private BackupCache Cache => new(Path.Combine(home.Path, "backups"));

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task A_rerun_with_a_freshly_signed_url_reuses_the_complete_download_instead_of_fetching_it_again()
    {
        using var handler = new CountingHandler(Archive);
        var progress = new RecordingProgress();

        var first = await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b042/latest?X-Amz-Signature=first"), progress, CancellationToken.None);
        var second = await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b042/latest?X-Amz-Signature=second"), progress, CancellationToken.None);

        Assert.Equal(1, handler.BodiesRead);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(Archive, await File.ReadAllBytesAsync(second.Path));
        Assert.Contains(progress.Events, e => e.Contains("reusing the backup an earlier run downloaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cached_file_cut_short_or_of_another_object_at_the_same_path_is_downloaded_again()
    {
        using var handler = new CountingHandler(Archive);
        var location = BackupLocation.Parse("https://bucket.example.com/b042/latest?sig=1");
        var first = await new BackupDownloader(handler, Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);
        await File.WriteAllBytesAsync(first.Path, Archive[..10]);

        var afterTruncation = await new BackupDownloader(handler, Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);
        using var other = new CountingHandler(Archive, etag: "\"def\"");
        var otherObject = await new BackupDownloader(other, Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(2, handler.BodiesRead);
        Assert.False(afterTruncation.Reused);
        Assert.Equal(Archive, await File.ReadAllBytesAsync(afterTruncation.Path));
        Assert.False(otherObject.Reused);
        Assert.NotEqual(first.Path, otherObject.Path);
    }

    [Fact]
    public async Task A_partial_download_a_killed_run_left_is_removed_at_the_next_start()
    {
        Directory.CreateDirectory(Cache.Directory);
        var leftover = Path.Combine(Cache.Directory, "0123456789abcdef0123456789abcdef.00000000000000000000000000000000.part");
        await File.WriteAllBytesAsync(leftover, Archive[..10]);
        using var handler = new CountingHandler(Archive);

        await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b043"), new RecordingProgress(), CancellationToken.None);

        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.GetFiles(Cache.Directory, "*.part"));
    }

    [Fact]
    public void A_partial_download_another_run_is_still_writing_is_left_alone()
    {
        var cache = Cache;
        cache.Prepare();
        var (part, stream) = cache.StartDownload(cache.CompletePath(BackupLocation.Parse("https://bucket.example.com/b045"), "\"abc\"", 10));
        using (stream)
            cache.Prepare();

        Assert.True(File.Exists(part));
    }

    [Fact]
    public async Task The_cache_directory_and_the_download_are_private_to_the_user()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var handler = new CountingHandler(Archive);

        var download = await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b044"), new RecordingProgress(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Cache.Directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(download.Path));
    }
}
