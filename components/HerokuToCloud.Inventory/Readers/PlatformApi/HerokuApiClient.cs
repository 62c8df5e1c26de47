using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Reads the Heroku Platform API v3: authenticates every request with the token, asks for
/// version 3, pages through lists with the Range header (following Next-Range while Heroku
/// answers 206 Partial Content) and retries 429 and 5xx answers and network failures with
/// backoff. Every failure ends as an <see cref="InventoryException"/> that says what to do.
/// Only reads: capture never changes anything on Heroku.
/// </summary>
public sealed class HerokuApiClient : IDisposable
{
    private const string AcceptVersion3 = "application/vnd.heroku+json; version=3";

    /// <summary>Guards against a server that keeps answering with the same Next-Range.</summary>
    private const int MaxPages = 10_000;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly HerokuApiToken _token;
    private readonly HerokuApiClientOptions _options;
    private readonly string _baseUrl;

    public HerokuApiClient(HerokuApiToken token, HerokuApiClientOptions? options = null)
        : this(new HttpClient(), token, options ?? new HerokuApiClientOptions(), ownsHttp: true)
    {
    }

    /// <summary>Uses a caller's <see cref="HttpClient"/> (for a replaced message handler in tests); the caller disposes it.</summary>
    public HerokuApiClient(HttpClient http, HerokuApiToken token, HerokuApiClientOptions? options = null)
        : this(http, token, options ?? new HerokuApiClientOptions(), ownsHttp: false)
    {
    }

    private HerokuApiClient(HttpClient http, HerokuApiToken token, HerokuApiClientOptions options, bool ownsHttp)
    {
        ValidateBaseUrl(options.BaseUrl);
        _http = http;
        _ownsHttp = ownsHttp;
        _token = token;
        _options = options;
        _baseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        if (ownsHttp)
            _http.Timeout = options.RequestTimeout;
    }

    public Uri BaseUrl => _options.BaseUrl;

    /// <summary>The email of the token's account once known (after <see cref="IdentifyAccountAsync"/>), for access messages.</summary>
    public string? AccountEmail { get; private set; }

    /// <summary>
    /// Reads GET /account: proves the token works (a refused token fails here, before anything
    /// else) and names the account in later messages. A token whose scopes exclude account
    /// information (an authorization with only "read" or "read-protected") gets 403 here; that is
    /// not an error for capture, the account just stays unnamed.
    /// </summary>
    public async Task<string?> IdentifyAccountAsync(CancellationToken cancellationToken)
    {
        var account = await GetOptionalAsync<Resources.AccountResource>(
            new ApiRead("/account", "the token's account"), cancellationToken, HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        AccountEmail = account?.Email;
        return AccountEmail;
    }

    internal async Task<T> GetAsync<T>(ApiRead read, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(read, range: null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw HerokuApiFailures.ForStatus(read, response.StatusCode, body, _token, AccountEmail);
        return Deserialize<T>(read, body);
    }

    /// <summary>
    /// Like <see cref="GetAsync{T}"/>, but the statuses in <paramref name="absentOn"/> (404 when none
    /// is given) mean "there is none", for example an app outside any pipeline.
    /// </summary>
    internal async Task<T?> GetOptionalAsync<T>(ApiRead read, CancellationToken cancellationToken, params HttpStatusCode[] absentOn)
        where T : class
    {
        using var response = await SendAsync(read, range: null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (absentOn.Length == 0 ? response.StatusCode == HttpStatusCode.NotFound : absentOn.Contains(response.StatusCode))
            return null;
        if (!response.IsSuccessStatusCode)
            throw HerokuApiFailures.ForStatus(read, response.StatusCode, body, _token, AccountEmail);
        return Deserialize<T>(read, body);
    }

    /// <summary>Reads every page of a list: asks for <c>id ..; max=N</c> and follows Next-Range while the answer is 206.</summary>
    internal async Task<IReadOnlyList<T>> GetListAsync<T>(ApiRead read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var range = $"id ..; max={_options.PageSize}";
        var seen = new HashSet<string>(StringComparer.Ordinal) { range };
        for (var page = 1; ; page++)
        {
            using var response = await SendAsync(read, range, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw HerokuApiFailures.ForStatus(read, response.StatusCode, body, _token, AccountEmail);
            items.AddRange(Deserialize<List<T>>(read, body));

            if (response.StatusCode != HttpStatusCode.PartialContent
                || !response.Headers.TryGetValues("Next-Range", out var values)
                || values.FirstOrDefault() is not { Length: > 0 } next)
            {
                return items;
            }

            if (!seen.Add(next) || page >= MaxPages)
                throw HerokuApiFailures.UnreadableResponse(read, $"the Next-Range '{next}' repeats an earlier page");
            range = next;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(ApiRead read, string? range, CancellationToken cancellationToken)
    {
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            using (var request = CreateRequest(read, range))
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
                catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"no answer within {_http.Timeout.TotalSeconds:0} s.", ex);
                }
            }

            if (response is not null && !IsTransient(response.StatusCode))
                return response;

            TimeSpan? delay;
            if (response is not null)
            {
                var status = response.StatusCode;
                var retryAfter = RetryAfter(response);
                response.Dispose();
                delay = retry.DelayBefore(attempt + 1, retryAfter);
                if (delay is null)
                {
                    throw retryAfter is { } asked && asked > retry.MaxRetryAfter && attempt < retry.MaxAttempts
                        ? HerokuApiFailures.RetryAfterTooLong(read, status, asked)
                        : HerokuApiFailures.RetriesExhausted(read, status, attempt);
                }
            }
            else
            {
                delay = retry.DelayBefore(attempt + 1, retryAfter: null);
                if (delay is null)
                    throw HerokuApiFailures.Unreachable(read, _options.BaseUrl, failure!, attempt);
            }

            await retry.Delay(delay.Value, cancellationToken);
        }
    }

    private HttpRequestMessage CreateRequest(ApiRead read, string? range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + read.Path);
        request.Headers.TryAddWithoutValidation("Accept", AcceptVersion3);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Value);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        if (range is not null)
            request.Headers.TryAddWithoutValidation("Range", range);
        foreach (var (name, value) in read.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static T Deserialize<T>(ApiRead read, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, PlatformApiJson.Options)
                   ?? throw HerokuApiFailures.UnreadableResponse(read, "the body is JSON null");
        }
        catch (JsonException ex)
        {
            // The JsonException message can quote a value, which for config vars is a secret: only the path is used.
            throw HerokuApiFailures.UnreadableResponse(read, $"unexpected JSON at {ex.Path ?? "$"}{(ex.LineNumber is { } line ? $" (line {line + 1})" : "")}");
        }
    }

    private static void ValidateBaseUrl(Uri url)
    {
        if (!url.IsAbsoluteUri)
            throw new InventoryException($"the Heroku API URL '{url}' is not an absolute URL; use for example {HerokuApiClientOptions.DefaultBaseUrl}.");
        if (url.Scheme == Uri.UriSchemeHttps)
            return;
        if (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
            return;
        throw new InventoryException(
            $"the Heroku API URL '{url}' must use https: the API token travels with every request. " +
            "Plain http is accepted only for a test server on a loopback address (127.0.0.1, ::1, localhost).");
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
