using System.Net;
using System.Text.Json;
using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Turns a failed Platform API read into the one message a user needs: what was being read,
/// what Heroku said, and what to do. Messages name the token's source and the account, never
/// the token, and never quote a response body other than Heroku's own error message.
/// </summary>
internal static class HerokuApiFailures
{
    private const int MaxQuotedMessage = 300;

    public static InventoryException ForStatus(ApiRead read, HttpStatusCode status, string body, HerokuApiToken token, string? account) =>
        status switch
        {
            HttpStatusCode.Unauthorized => new InventoryException(
                $"the Heroku API refused the token from {token.Source} ({Describe(status, body)}): it is invalid or has expired. " +
                $"Run `heroku login` again, or set {HerokuApiToken.EnvironmentVariable} to a current token (heroku auth:token)."),
            HttpStatusCode.Forbidden => new InventoryException(
                $"the Heroku account {AccountName(token, account)} has no access to {read.Subject} ({Describe(status, body)}). " +
                (read.ForbiddenHint is { } hint ? hint + " " : "") +
                "Ask the app's owner or team admin to grant that account access, or log in as an account that has it (`heroku login`)."),
            HttpStatusCode.NotFound => new InventoryException(
                read.NotFound ?? $"{read.Subject} was not found ({Describe(status, body)} for GET {read.Path})."),
            _ => new InventoryException(
                $"the Heroku API refused GET {read.Path} reading {read.Subject} ({Describe(status, body)})."),
        };

    public static InventoryException RetriesExhausted(ApiRead read, HttpStatusCode status, int attempts) =>
        status == HttpStatusCode.TooManyRequests
            ? new InventoryException(
                $"the Heroku API rate limit stopped reading {read.Subject}: still 429 Too Many Requests after {attempts} attempts. " +
                "Heroku allows about 4500 requests per hour per account; wait a few minutes and run capture again.")
            : new InventoryException(
                $"the Heroku API kept failing reading {read.Subject}: {(int)status} {ReasonPhrase(status)} on all {attempts} attempts. " +
                "Check https://status.heroku.com and run capture again later.");

    public static InventoryException RetryAfterTooLong(ApiRead read, HttpStatusCode status, TimeSpan retryAfter) =>
        new($"the Heroku API asked to wait {retryAfter.TotalMinutes:0} minutes before reading {read.Subject} again ({(int)status} {ReasonPhrase(status)}); " +
            "the account's rate limit is probably used up. Run capture again after that.");

    public static InventoryException Unreachable(ApiRead read, Uri baseUrl, Exception failure, int attempts) =>
        new($"could not reach the Heroku API at {baseUrl} reading {read.Subject} ({attempts} attempts): {failure.Message} " +
            "Check the network connection and the API URL.", failure);

    public static InventoryException UnreadableResponse(ApiRead read, string detail) =>
        new($"the Heroku API answered GET {read.Path} ({read.Subject}) with a response capture cannot read: {detail}. " +
            "Run capture again; if it persists, the API may have changed: please report it.");

    private static string AccountName(HerokuApiToken token, string? account) =>
        account ?? $"of the token from {token.Source}";

    private static string Describe(HttpStatusCode status, string body)
    {
        var text = $"{(int)status} {ReasonPhrase(status)}";
        var message = ErrorMessage(body);
        return message is null ? text : $"{text}: {message}";
    }

    /// <summary>Heroku's own error message from an error body, shortened to one line; null when the body is not an error document.</summary>
    private static string? ErrorMessage(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<ApiErrorBody>(body, PlatformApiJson.Options);
            var message = error?.Message?.ReplaceLineEndings(" ").Trim();
            if (string.IsNullOrEmpty(message))
                return null;
            return message.Length > MaxQuotedMessage ? message[..MaxQuotedMessage] + "…" : message;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => status.ToString(),
    };
}
