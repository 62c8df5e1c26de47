using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Tests.Fakes;

/// <summary>
/// A Heroku Platform API stand-in on a loopback port (HttpListener): serves registered resources
/// the way api.heroku.com does — bearer token check, version 3 Accept header, Range paging by id
/// with 206 Partial Content and Next-Range, error documents {id, message} — and lets a test
/// script failures (429 with Retry-After, 5xx) in front of any path. Records every request.
/// </summary>
public sealed partial class FakeHerokuApi : IDisposable
{
    public const string AcceptVersion3 = "application/vnd.heroku+json; version=3";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, Func<FakeRequest, FakeResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    public FakeHerokuApi(string token = "fake-token-0123")
    {
        Token = token;
        (_listener, BaseUrl) = Start();
        _loop = Task.Run(ServeAsync);
        Json("/account", HerokuResources.Account("ops@example.com"));
    }

    public Uri BaseUrl { get; }

    /// <summary>The token the server accepts; any other bearer token gets 401.</summary>
    public string Token { get; }

    /// <summary>Largest page the server sends, whatever the client asks for (Heroku caps at 1000).</summary>
    public int PageSize { get; set; } = 1000;

    public IReadOnlyList<FakeRequest> Requests => _requests.ToList();

    public IEnumerable<FakeRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path);

    /// <summary>Serves one JSON document (an info endpoint) at <paramref name="path"/>.</summary>
    public void Json(string path, JsonNode body) =>
        _routes[path] = _ => FakeResponse.Ok(body.ToJsonString());

    /// <summary>Serves a list endpoint, paged by each item's "id" (position when it has none).</summary>
    public void List(string path, IEnumerable<JsonNode> items)
    {
        var keyed = items.Select((item, index) => (Key: item["id"]?.GetValue<string>() ?? index.ToString("D6"), Item: item))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
        _routes[path] = request => Page(request, keyed);
    }

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="status"/> and an error document.</summary>
    public void Error(string path, int status, string id, string message) =>
        _routes[path] = _ => FakeResponse.Failure(status, id, message);

    /// <summary>Answers the next requests to <paramref name="path"/> with these responses, in order, before the route itself.</summary>
    public void Script(string path, params FakeResponse[] responses)
    {
        var queue = _scripted.GetOrAdd(path, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses)
            queue.Enqueue(response);
    }

    private FakeResponse Page(FakeRequest request, List<(string Key, JsonNode Item)> items)
    {
        var max = PageSize;
        var after = (string?)null;
        if (request.Range is { } range)
        {
            var match = RangePattern().Match(range);
            if (!match.Success)
                return FakeResponse.Failure(400, "bad_request", $"Invalid Range header: {range}");
            if (match.Groups["after"].Success)
                after = match.Groups["after"].Value;
            if (match.Groups["max"].Success)
                max = Math.Min(max, int.Parse(match.Groups["max"].Value));
        }

        var remaining = items.Where(i => after is null || string.CompareOrdinal(i.Key, after) > 0).ToList();
        var page = remaining.Take(max).ToList();
        var body = new JsonArray(page.Select(p => p.Item.DeepClone()).ToArray()).ToJsonString();
        if (remaining.Count <= max)
            return FakeResponse.Ok(body);
        return new FakeResponse(206, body, new Dictionary<string, string>
        {
            ["Content-Range"] = $"id {page[0].Key}..{page[^1].Key}",
            ["Next-Range"] = $"id ]{page[^1].Key}..; max={max}",
        });
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var http = context.Request;
        var request = new FakeRequest(
            http.HttpMethod,
            http.Url!.AbsolutePath,
            http.Headers["Accept"],
            http.Headers["Authorization"],
            http.Headers["User-Agent"],
            http.Headers["Range"],
            http.Headers["Accept-Inclusion"]);
        _requests.Enqueue(request);

        FakeResponse response;
        if (request.Authorization != $"Bearer {Token}")
            response = FakeResponse.Failure(401, "unauthorized", "Invalid credentials provided.");
        else if (request.Accept != AcceptVersion3)
            response = FakeResponse.Failure(400, "bad_request", "Please specify a version along with Heroku's API MIME type.");
        else if (request.Method != "GET")
            response = FakeResponse.Failure(405, "method_not_allowed", "capture only reads");
        else if (_scripted.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var scripted))
            response = scripted;
        else if (_routes.TryGetValue(request.Path, out var route))
            response = route(request);
        else
            response = FakeResponse.Failure(404, "not_found", "Couldn't find that resource.");

        try
        {
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in response.Headers)
                context.Response.AddHeader(name, value);
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The client went away (a cancelled or timed-out request); nothing to answer.
        }
    }

    private static (HttpListener, Uri) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between probe and bind; try another.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        if (!_listener.IsListening)
            return;
        // Close alone: on Linux, Stop then Close unregisters the endpoint twice, and the second time binds the
        // port again to look it up, which fails when another test's listener has taken the freed port meanwhile.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    [GeneratedRegex(@"^id\s+(\](?<after>[^.\s;]+))?\.\.\s*(;\s*max=(?<max>\d+))?$")]
    private static partial Regex RangePattern();
}

/// <summary>A request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string? Accept, string? Authorization, string? UserAgent, string? Range, string? AcceptInclusion);

/// <summary>A response the fake sends.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeResponse Ok(string body) => new(200, body, new Dictionary<string, string>());

    public static FakeResponse Failure(int status, string id, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["id"] = id, ["message"] = message }.ToJsonString(), headers ?? new Dictionary<string, string>());

    public static FakeResponse RateLimited(int? retryAfterSeconds = null) =>
        Failure(429, "rate_limit", "Your account reached the API rate limit. Please wait a few minutes before making new requests",
            retryAfterSeconds is { } s ? new Dictionary<string, string> { ["Retry-After"] = s.ToString() } : null);

    public static FakeResponse Unavailable() =>
        Failure(503, "unavailable", "The API is temporarily unavailable.");
}
