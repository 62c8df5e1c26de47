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
        first.Dispose();
        using var second = await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b042/latest?X-Amz-Signature=second"), progress, CancellationToken.None);

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
        first.Dispose();
        await File.WriteAllBytesAsync(first.Path, Archive[..10]);

        using var afterTruncation = await new BackupDownloader(handler, Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);
        afterTruncation.Dispose();
        using var other = new CountingHandler(Archive, etag: "\"def\"");
        using var otherObject = await new BackupDownloader(other, Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(2, handler.BodiesRead);
        Assert.False(afterTruncation.Reused);
        Assert.Equal(Archive, await File.ReadAllBytesAsync(afterTruncation.Path));
        Assert.False(otherObject.Reused);
        Assert.NotEqual(first.Path, otherObject.Path);
    }

    [Fact]
    public async Task A_partial_download_is_kept_for_the_rerun_and_removed_at_a_start_only_once_nobody_has_used_it_for_a_week()
    {
        Directory.CreateDirectory(Cache.Directory);
        var abandoned = Path.Combine(Cache.Directory, "0123456789abcdef0123456789abcdef.part");
        var killedMinutesAgo = Path.Combine(Cache.Directory, "fedcba9876543210fedcba9876543210.part");
        await File.WriteAllBytesAsync(abandoned, Archive[..10]);
        await File.WriteAllBytesAsync(killedMinutesAgo, Archive[..10]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - BackupCache.Unused - TimeSpan.FromHours(1));
        File.SetLastWriteTimeUtc(killedMinutesAgo, DateTime.UtcNow - TimeSpan.FromMinutes(30));
        using var handler = new CountingHandler(Archive);

        using var download = await new BackupDownloader(handler, Cache).DownloadAsync(BackupLocation.Parse("https://bucket.example.com/b043"), new RecordingProgress(), CancellationToken.None);

        Assert.False(File.Exists(abandoned));
        // A rerun of its backup goes on from it.
        Assert.True(File.Exists(killedMinutesAgo));
    }

    [Fact]
    public async Task A_second_run_of_a_backup_another_run_is_restoring_downloads_its_own_copy_which_survives_the_first_run_s_clean_up()
    {
        var dump = Path.Combine(home.Path, "served.dump");
        await File.WriteAllBytesAsync(dump, Archive);
        using var http = new SingleFileHttpServer(dump);
        var location = BackupLocation.Parse(http.Url);
        var progress = new RecordingProgress();

        var first = await new BackupDownloader(cache: Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);
        var second = await new BackupDownloader(cache: Cache).DownloadAsync(location, progress, CancellationToken.None);
        first.Delete(); // the first run's restore succeeded
        var secondContent = await File.ReadAllBytesAsync(second.Path);
        second.Delete();
        using var third = await new BackupDownloader(cache: Cache).DownloadAsync(location, new RecordingProgress(), CancellationToken.None);

        Assert.True(first.Cached);
        Assert.False(second.Cached);
        Assert.False(second.Path.StartsWith(Cache.Directory, StringComparison.Ordinal));
        Assert.Equal(Archive, secondContent);
        Assert.Contains(progress.Events, e => e.Contains("another heroku2cloud run is downloading or restoring this backup", StringComparison.Ordinal));
        Assert.True(third.Cached);
        Assert.False(third.Reused);
    }

    [Fact]
    public void A_download_another_run_holds_is_left_alone_however_old()
    {
        var cache = Cache;
        cache.Prepare();
        var complete = cache.CompletePath(BackupLocation.Parse("https://bucket.example.com/b045"), "\"abc\"", 10);
        using (cache.Claim(complete))
        {
            var (part, stream, _) = cache.OpenDownload(complete);
            stream.Dispose();
            File.SetLastWriteTimeUtc(part, DateTime.UtcNow - BackupCache.Unused - TimeSpan.FromHours(1));

            cache.Prepare();

            Assert.True(File.Exists(part));
        }
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
