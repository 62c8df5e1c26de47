namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// When to try a failed Heroku API request again, and how long to wait first: exponential
/// backoff with jitter (so several captures hitting the rate limit together do not retry in
/// step), or the server's own Retry-After when it sends one. Bounded: after
/// <see cref="MaxAttempts"/> the failure is reported. The wait itself is <see cref="Delay"/>,
/// injectable so tests observe the schedule without sleeping.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Total attempts per request, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the second attempt; each further wait doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No single backoff wait is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest Retry-After honoured; a server asking for a longer pause (Heroku's hourly rate
    /// limit window) makes capture stop with a message instead of hanging for an hour.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits; replaced in tests. Defaults to <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>A number in [0, 1) for jitter; replaced in tests for a deterministic schedule.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry), or null when
    /// no attempt is left or the server asked for a pause longer than <see cref="MaxRetryAfter"/>.
    /// </summary>
    public TimeSpan? DelayBefore(int nextAttempt, TimeSpan? retryAfter)
    {
        if (nextAttempt > MaxAttempts)
            return null;
        if (retryAfter is { } asked)
            return asked <= MaxRetryAfter ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : null;

        // "Equal jitter": half the exponential step is fixed, half random, so waits still grow.
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2);
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * Jitter());
    }
}
