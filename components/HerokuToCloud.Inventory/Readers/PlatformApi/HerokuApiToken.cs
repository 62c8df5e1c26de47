namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// The Heroku API token capture authenticates with, and where it came from. The value is only
/// handed to the API client's Authorization header; <see cref="ToString"/> and every message name
/// the source, never the token.
/// </summary>
public sealed class HerokuApiToken
{
    /// <summary>The host whose netrc entry the Heroku CLI writes on <c>heroku login</c>.</summary>
    public const string NetrcMachine = "api.heroku.com";

    public const string EnvironmentVariable = "HEROKU_API_KEY";

    public HerokuApiToken(string value, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
        Source = source;
    }

    /// <summary>Where the token came from, for messages: "HEROKU_API_KEY" or "/home/me/.netrc (machine api.heroku.com)".</summary>
    public string Source { get; }

    internal string Value { get; }

    public override string ToString() => $"Heroku API token from {Source}";

    /// <summary>
    /// Finds the token as the Heroku CLI does: HEROKU_API_KEY, else the password of the
    /// <c>machine api.heroku.com</c> entry in $NETRC or ~/.netrc.
    /// </summary>
    /// <param name="environment">Reads an environment variable (injectable so tests do not touch the real environment).</param>
    public static HerokuApiToken Resolve(Func<string, string?> environment)
    {
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new HerokuApiToken(fromEnvironment, EnvironmentVariable);

        var netrcPath = NetrcPath(environment);
        if (netrcPath is not null && File.Exists(netrcPath))
        {
            var entry = NetrcFile.Parse(File.ReadAllText(netrcPath), netrcPath).FindMachine(NetrcMachine);
            if (!string.IsNullOrWhiteSpace(entry?.Password))
                return new HerokuApiToken(entry.Password, $"{netrcPath} (machine {NetrcMachine})");
            throw new InventoryException(
                $"no Heroku API token: {EnvironmentVariable} is not set and {netrcPath} has no 'machine {NetrcMachine}' entry with a password. " +
                $"Run `heroku login` (it writes that entry), or set {EnvironmentVariable}, for example {EnvironmentVariable}=$(heroku auth:token).");
        }

        throw new InventoryException(
            $"no Heroku API token: {EnvironmentVariable} is not set and there is no netrc file{(netrcPath is null ? "" : $" at {netrcPath}")}. " +
            $"Run `heroku login` (it stores the token in ~/.netrc as 'machine {NetrcMachine}'), or set {EnvironmentVariable}, for example {EnvironmentVariable}=$(heroku auth:token).");
    }

    private static string? NetrcPath(Func<string, string?> environment)
    {
        var explicitPath = environment("NETRC");
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return explicitPath;
        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home))
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
            return null;
        return Path.Combine(home, OperatingSystem.IsWindows() ? "_netrc" : ".netrc");
    }
}
