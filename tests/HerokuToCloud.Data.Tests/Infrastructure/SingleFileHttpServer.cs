using System.Net;
using System.Net.Sockets;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// Serves one file at http://127.0.0.1:PORT/backups/latest.dump (or a fixed error status): a local stand-in
/// for the signed HTTPS URL of heroku pg:backups:url (plain http is accepted from loopback only).
/// </summary>
public sealed class SingleFileHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public SingleFileHttpServer(string file, HttpStatusCode status = HttpStatusCode.OK)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/backups/latest.dump";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                context.Response.StatusCode = (int)status;
                if (status == HttpStatusCode.OK)
                {
                    context.Response.ContentLength64 = new FileInfo(file).Length;
                    context.Response.Headers["ETag"] = ETag;
                    try
                    {
                        await using var stream = File.OpenRead(file);
                        await stream.CopyToAsync(context.Response.OutputStream);
                        context.Response.Close();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or IOException)
                    {
                        // the client hung up after the headers (the tool does, when its cached copy is usable)
                        context.Response.Abort();
                    }

                    continue;
                }

                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    /// <summary>The entity tag it sends, as S3 does, which a cached download is matched by.</summary>
    public string ETag { get; init; } = "\"0123456789abcdef\"";

    public void Dispose()
    {
        // Close alone: Stop then Close would bind the freed port again on Linux (see FakeHerokuApi.Dispose).
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
