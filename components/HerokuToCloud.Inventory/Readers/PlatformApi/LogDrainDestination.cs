namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Where a log drain sends logs, without its secrets. Drain URLs carry tokens in the user info
/// (https://user:token@host), the query (?api_key=...) and often the path (Loggly, Sumo Logic,
/// older Datadog intake URLs), so only scheme, host and port are kept.
/// </summary>
internal static class LogDrainDestination
{
    public static string WithoutCredentials(string url)
    {
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            var port = uri.IsDefaultPort || uri.Port < 0 ? "" : $":{uri.Port}";
            return $"{uri.Scheme}://{uri.IdnHost}{port}";
        }

        // Not a URL .NET understands: keep what lies between "://" (or the start) and the first '/', '?' or '#',
        // minus anything up to an '@'.
        var text = url.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd >= 0 ? text[..(schemeEnd + 3)] : "";
        var rest = schemeEnd >= 0 ? text[(schemeEnd + 3)..] : text;
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end >= 0 ? rest[..end] : rest;
        var at = authority.LastIndexOf('@');
        return scheme + (at >= 0 ? authority[(at + 1)..] : authority);
    }
}
