using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;
using HerokuToCloud.Tests.Fakes;
using Moq;
using Moq.Protected;
using static HerokuToCloud.Tests.Fakes.HerokuResources;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public sealed class HerokuApiClientTests : IDisposable
{
    private readonly FakeHerokuApi _api = new();
    private readonly RecordingRetry _retry = new();

    public void Dispose() => _api.Dispose();

    private static ApiRead Read(string path) => new(path, $"test resource {path}");

    [Fact]
    public async Task Every_request_carries_version_3_accept_bearer_token_and_user_agent()
    {
        _api.Json("/apps/a", App(1, "a"));
        _api.List("/apps/a/domains", [Domain(2, "a", 1, "www.a.example", "custom")]);
        using var client = _retry.ClientFor(_api);

        await client.IdentifyAccountAsync(CancellationToken.None);
        await client.GetAsync<AppResource>(Read("/apps/a"), CancellationToken.None);
        await client.GetListAsync<DomainResource>(Read("/apps/a/domains"), CancellationToken.None);

        Assert.Equal(3, _api.Requests.Count);
        Assert.All(_api.Requests, r =>
        {
            Assert.Equal("application/vnd.heroku+json; version=3", r.Accept);
            Assert.Equal($"Bearer {_api.Token}", r.Authorization);
            Assert.StartsWith("heroku2cloud/", r.UserAgent);
        });
        Assert.Equal("ops@example.com", client.AccountEmail);
    }

    [Fact]
    public async Task Lists_are_read_across_pages_by_following_next_range()
    {
        var formation = Enumerable.Range(1, 25).Select(i => (JsonNode)Formation(1000 + i, "a", $"p{i:D2}", $"run {i}", 1, "standard-1x")).ToList();
        _api.List("/apps/a/formation", formation);
        _api.PageSize = 10;
        using var client = _retry.ClientFor(_api);

        var items = await client.GetListAsync<FormationResource>(Read("/apps/a/formation"), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"p{i:D2}"), items.Select(f => f.Type));
        var ranges = _api.RequestsTo("/apps/a/formation").Select(r => r.Range).ToList();
        Assert.Equal(
        [
            "id ..; max=1000",
            $"id ]{Id(1010)}..; max=10",
            $"id ]{Id(1020)}..; max=10",
        ], ranges);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after_without_sleeping()
    {
        _api.Json("/apps/a", App(1, "a"));
        _api.Script("/apps/a", FakeResponse.RateLimited(retryAfterSeconds: 7));
        using var client = _retry.ClientFor(_api);

        var started = DateTime.UtcNow;
        var app = await client.GetAsync<AppResource>(Read("/apps/a"), CancellationToken.None);

        Assert.Equal("a", app.Name);
        Assert.Equal(2, _api.RequestsTo("/apps/a").Count());
        Assert.Equal([TimeSpan.FromSeconds(7)], _retry.Delays);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the retry must not really sleep");
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_exponentially()
    {
        _api.Json("/apps/a", App(1, "a"));
        _api.Script("/apps/a", FakeResponse.RateLimited(), FakeResponse.Unavailable(), FakeResponse.RateLimited());
        using var client = _retry.ClientFor(_api);

        await client.GetAsync<AppResource>(Read("/apps/a"), CancellationToken.None);

        // Jitter fixed at 0.5: 0.75 × 1 s, 2 s, 4 s.
        Assert.Equal([0.75, 1.5, 3.0], _retry.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(4, _api.RequestsTo("/apps/a").Count());
    }

    [Fact]
    public async Task A_page_that_fails_transiently_is_retried_with_the_same_range()
    {
        _api.List("/apps/a/features", Enumerable.Range(1, 5).Select(i => (JsonNode)Feature(2000 + i, $"f{i}", true)));
        _api.PageSize = 2;
        using var client = _retry.ClientFor(_api, pageSize: 2);

        await client.GetListAsync<AppFeatureResource>(Read("/apps/a/features"), CancellationToken.None);
        var before = _api.RequestsTo("/apps/a/features").Count();
        _api.Script("/apps/a/features", FakeResponse.Ok("[]") with { Status = 502 });
        var items = await client.GetListAsync<AppFeatureResource>(Read("/apps/a/features"), CancellationToken.None);

        Assert.Equal(5, items.Count);
        var second = _api.RequestsTo("/apps/a/features").Skip(before).Select(r => r.Range).ToList();
        Assert.Equal(["id ..; max=2", "id ..; max=2", $"id ]{Id(2002)}..; max=2", $"id ]{Id(2004)}..; max=2"], second);
    }

    [Fact]
    public async Task Server_errors_that_never_stop_end_in_a_message_after_bounded_attempts()
    {
        _api.Error("/apps/a/formation", 503, "unavailable", "The API is temporarily unavailable.");
        using var client = _retry.ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() =>
            client.GetListAsync<FormationResource>(new ApiRead("/apps/a/formation", "the formation of app 'a'"), CancellationToken.None));

        Assert.Equal(5, _api.RequestsTo("/apps/a/formation").Count());
        Assert.Equal(4, _retry.Delays.Count);
        Assert.Contains("the formation of app 'a'", error.Message);
        Assert.Contains("503 Service Unavailable on all 5 attempts", error.Message);
        Assert.Contains("status.heroku.com", error.Message);
    }

    [Fact]
    public async Task A_rate_limit_that_persists_says_to_wait()
    {
        _api.Error("/apps/a", 429, "rate_limit", "Your account reached the API rate limit.");
        using var client = new RecordingRetry(maxAttempts: 3).ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.GetAsync<AppResource>(Read("/apps/a"), CancellationToken.None));

        Assert.Contains("rate limit", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_stops_at_once_with_a_message()
    {
        _api.Script("/apps/a", FakeResponse.RateLimited(retryAfterSeconds: 3600));
        using var client = _retry.ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.GetAsync<AppResource>(Read("/apps/a"), CancellationToken.None));

        Assert.Contains("asked to wait 60 minutes", error.Message);
        Assert.Empty(_retry.Delays);
    }

    [Fact]
    public async Task A_401_says_the_token_is_invalid_and_how_to_log_in_without_showing_it()
    {
        using var client = _retry.ClientFor(_api, token: "wrong-token-9876");

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.IdentifyAccountAsync(CancellationToken.None));

        Assert.Contains("refused the token from HEROKU_API_KEY", error.Message);
        Assert.Contains("401 Unauthorized: Invalid credentials provided.", error.Message);
        Assert.Contains("heroku login", error.Message);
        Assert.DoesNotContain("wrong-token-9876", error.Message);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_403_names_what_was_read_and_the_account()
    {
        _api.Error("/apps/a/config-vars", 403, "forbidden", "You do not have access to the app a.");
        using var client = _retry.ClientFor(_api);
        await client.IdentifyAccountAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InventoryException>(() =>
            client.GetAsync<Dictionary<string, string?>>(new ApiRead("/apps/a/config-vars", "the config vars of app 'a'"), CancellationToken.None));

        Assert.Contains("the Heroku account ops@example.com has no access to the config vars of app 'a'", error.Message);
        Assert.Contains("403 Forbidden: You do not have access to the app a.", error.Message);
    }

    [Fact]
    public async Task A_token_that_may_not_read_the_account_still_captures_with_the_account_unnamed()
    {
        _api.Error("/account", 403, "forbidden", "This OAuth authorization lacks the identity scope.");
        _api.Error("/apps/a", 403, "forbidden", "You do not have access to the app a.");
        using var client = _retry.ClientFor(_api);

        var email = await client.IdentifyAccountAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<InventoryException>(() => client.GetAsync<AppResource>(new ApiRead("/apps/a", "app 'a'"), CancellationToken.None));

        Assert.Null(email);
        Assert.Contains("the Heroku account of the token from HEROKU_API_KEY has no access to app 'a'", error.Message);
    }

    [Fact]
    public async Task A_404_uses_the_reads_own_message_and_optional_reads_return_null()
    {
        using var client = _retry.ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() =>
            client.GetAsync<AppResource>(new ApiRead("/apps/nope", "app 'nope'", NotFound: "Heroku app 'nope' was not found."), CancellationToken.None));
        var coupling = await client.GetOptionalAsync<PipelineCouplingResource>(Read("/apps/a/pipeline-couplings"), CancellationToken.None);

        Assert.Equal("Heroku app 'nope' was not found.", error.Message);
        Assert.Null(coupling);
        Assert.Empty(_retry.Delays);
    }

    [Fact]
    public async Task An_unreachable_api_is_retried_then_reported_with_the_url()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var retry = new RecordingRetry(maxAttempts: 3);
        using var client = new HerokuApiClient(
            new HerokuApiToken("t", "HEROKU_API_KEY"),
            new HerokuApiClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/"), Retry = retry.Policy });

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.IdentifyAccountAsync(CancellationToken.None));

        Assert.Contains($"could not reach the Heroku API at http://127.0.0.1:{port}/", error.Message);
        Assert.Contains("3 attempts", error.Message);
        Assert.Equal(2, retry.Delays.Count);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried_then_reported()
    {
        // The handler is the HTTP boundary: it never answers, as a hung connection would.
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ThrowsAsync(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 60 seconds elapsing."));
        using var http = new HttpClient(handler.Object) { Timeout = TimeSpan.FromSeconds(45) };
        var retry = new RecordingRetry(maxAttempts: 2);
        var client = new HerokuApiClient(http, new HerokuApiToken("t", "HEROKU_API_KEY"), new HerokuApiClientOptions { Retry = retry.Policy });

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.IdentifyAccountAsync(CancellationToken.None));

        Assert.Contains("could not reach the Heroku API at https://api.heroku.com/", error.Message);
        Assert.Contains("no answer within 45 s", error.Message);
        Assert.Single(retry.Delays);
        handler.Protected().Verify("SendAsync", Times.Exactly(2), ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>());
    }

    [Fact]
    public async Task Cancelling_the_capture_stops_without_retrying()
    {
        _api.Json("/apps/a", App(1, "a"));
        using var client = _retry.ClientFor(_api);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<AppResource>(Read("/apps/a"), cancelled.Token));

        Assert.Empty(_retry.Delays);
    }

    [Fact]
    public async Task An_unreadable_body_names_the_json_path_but_never_quotes_values()
    {
        _api.Json("/apps/a/config-vars", new JsonObject { ["OK"] = "fine", ["SECRET"] = new JsonArray("canary-value-in-bad-json") });
        using var client = _retry.ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() =>
            client.GetAsync<Dictionary<string, string?>>(new ApiRead("/apps/a/config-vars", "the config vars of app 'a'"), CancellationToken.None));

        Assert.Contains("$.SECRET", error.Message);
        Assert.DoesNotContain("canary-value-in-bad-json", error.Message);
        Assert.DoesNotContain("canary-value-in-bad-json", error.InnerException?.Message ?? "");
    }

    [Fact]
    public async Task A_next_range_that_repeats_is_reported_instead_of_looping()
    {
        var looping = new FakeResponse(206, "[]", new Dictionary<string, string> { ["Next-Range"] = "id ]x..; max=1000" });
        _api.Script("/apps/a/domains", looping, looping, looping);
        using var client = _retry.ClientFor(_api);

        var error = await Assert.ThrowsAsync<InventoryException>(() => client.GetListAsync<DomainResource>(Read("/apps/a/domains"), CancellationToken.None));

        Assert.Contains("repeats an earlier page", error.Message);
    }

    [Theory]
    [InlineData("http://api.example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Plain_http_is_refused_except_on_loopback(string url)
    {
        var error = Assert.Throws<InventoryException>(() =>
            new HerokuApiClient(new HerokuApiToken("t", "HEROKU_API_KEY"), new HerokuApiClientOptions { BaseUrl = new Uri(url) }));

        Assert.Contains("must use https", error.Message);
    }
}
