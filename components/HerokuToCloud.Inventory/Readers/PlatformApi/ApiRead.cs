namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// One read from the Platform API: the path and, for messages, what it reads ("formation of app
/// 'shop-web'") and what a 404 means for it.
/// </summary>
/// <param name="Path">Path below the API base URL, already escaped, for example "/apps/shop-web/formation".</param>
/// <param name="Subject">What the path reads, in words, for error messages.</param>
/// <param name="NotFound">The whole message for a 404, when a 404 means something specific (an app name that does not exist).</param>
internal sealed record ApiRead(string Path, string Subject, string? NotFound = null)
{
    /// <summary>A sentence added to a 403 message, when this read has a likely cause of its own.</summary>
    public string? ForbiddenHint { get; init; }

    /// <summary>Extra request headers, for example Accept-Inclusion.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static string Segment(string value) => Uri.EscapeDataString(value);
}
