using System.Net;
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
