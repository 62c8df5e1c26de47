namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>Where the Platform API is and how patiently to talk to it.</summary>
public sealed record HerokuApiClientOptions
{
    public static Uri DefaultBaseUrl { get; } = new("https://api.heroku.com/");

    /// <summary>API root; https, or http on a loopback address for a local test server.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>Time allowed for one request, retries not counted.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Items asked for per page of a list (Heroku's maximum is 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Sent as User-Agent so Heroku can tell the tool's traffic apart.</summary>
    public string UserAgent { get; init; } = $"heroku2cloud/{typeof(HerokuApiClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0"}";
}
