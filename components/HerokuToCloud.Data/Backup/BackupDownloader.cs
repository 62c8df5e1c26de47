using System.Buffers;
using System.Net;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Streams a backup from its URL into a temporary file (pg_restore -j needs a seekable file), reporting
/// bytes as it goes and checking the PGDMP magic on the first bytes so a wrong URL fails before the
/// whole body has downloaded.
/// </summary>
public sealed class BackupDownloader(HttpMessageHandler? handler = null)
{
    private const int BufferBytes = 1024 * 1024;

    /// <summary>
    /// HttpClient words a TLS failure as "The SSL connection could not be established, see inner exception.",
    /// which a user cannot: the inner exceptions say why (an expired certificate, a name that does not match,
    /// a server that does not speak TLS), so their messages follow it.
    /// </summary>
    private static string Describe(HttpRequestException error)
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

    public async Task<string> DownloadAsync(BackupLocation location, IDataProgress progress, CancellationToken cancellationToken)
    {
        var url = location.Url ?? throw new ArgumentException("not a URL location", nameof(location));
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan;
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DataMigrationException($"cannot download the backup from {location.Display}: {Describe(ex)}", ex);
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

            var total = response.Content.Headers.ContentLength ?? 0;
            var file = Path.Combine(Path.GetTempPath(), $"heroku2cloud-backup-{Guid.NewGuid():N}.dump");
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                    fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                await using var output = new FileStream(file, fileOptions);
                const string name = "backup download";
                progress.DownloadStarted(name, total);
                long done = 0;
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
                    done += read;
                    progress.DownloadAdvanced(name, done);
                }

                if (headLength < head.Length)
                    throw NotADump(location);
                progress.DownloadFinished(name, done);
                return file;
            }
            catch
            {
                File.Delete(file);
                throw;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
