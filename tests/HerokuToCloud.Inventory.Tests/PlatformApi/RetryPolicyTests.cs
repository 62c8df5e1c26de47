using HerokuToCloud.Inventory.Readers.PlatformApi;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public class RetryPolicyTests
{
    [Fact]
    public void Backoff_doubles_from_the_base_delay_with_jitter_in_the_upper_half()
    {
        var low = new RetryPolicy { BaseDelay = TimeSpan.FromSeconds(1), Jitter = () => 0 };
        var high = new RetryPolicy { BaseDelay = TimeSpan.FromSeconds(1), Jitter = () => 0.999999 };

        Assert.Equal([0.5, 1, 2, 4], Enumerable.Range(2, 4).Select(a => low.DelayBefore(a, null)!.Value.TotalSeconds));
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(2, 4).Select(a => Math.Round(high.DelayBefore(a, null)!.Value.TotalSeconds, 3)));
    }

    [Fact]
    public void Backoff_is_capped_at_the_max_delay()
    {
        var policy = new RetryPolicy { MaxAttempts = 20, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Jitter = () => 0.999999 };

        Assert.InRange(policy.DelayBefore(15, null)!.Value.TotalSeconds, 9.9, 10);
    }

    [Fact]
    public void Retry_after_is_honoured_instead_of_backoff()
    {
        var policy = new RetryPolicy { Jitter = () => 0 };

        Assert.Equal(TimeSpan.FromSeconds(42), policy.DelayBefore(2, TimeSpan.FromSeconds(42)));
        Assert.Equal(TimeSpan.Zero, policy.DelayBefore(2, TimeSpan.FromSeconds(-3)));
    }

    [Fact]
    public void No_delay_once_attempts_are_used_up_or_retry_after_is_too_long()
    {
        var policy = new RetryPolicy { MaxAttempts = 3, MaxRetryAfter = TimeSpan.FromMinutes(2) };

        Assert.NotNull(policy.DelayBefore(3, null));
        Assert.Null(policy.DelayBefore(4, null));
        Assert.Null(policy.DelayBefore(2, TimeSpan.FromHours(1)));
    }
}
