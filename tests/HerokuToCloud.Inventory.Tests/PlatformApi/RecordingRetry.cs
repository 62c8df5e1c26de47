using System.Collections.Concurrent;
using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Tests.Fakes;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

/// <summary>A retry policy that records the waits it is asked for instead of sleeping, with a fixed jitter.</summary>
internal sealed class RecordingRetry
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public RecordingRetry(int maxAttempts = 5, double jitter = 0.5)
    {
        Policy = new RetryPolicy
        {
            MaxAttempts = maxAttempts,
            Delay = (delay, _) =>
            {
                _delays.Enqueue(delay);
                return Task.CompletedTask;
            },
            Jitter = () => jitter,
        };
    }

    public RetryPolicy Policy { get; }

    public IReadOnlyList<TimeSpan> Delays => _delays.ToList();

    public HerokuApiClient ClientFor(FakeHerokuApi api, string? token = null, int pageSize = 1000) =>
        new(new HerokuApiToken(token ?? api.Token, "HEROKU_API_KEY"), new HerokuApiClientOptions { BaseUrl = api.BaseUrl, Retry = Policy, PageSize = pageSize });
}
