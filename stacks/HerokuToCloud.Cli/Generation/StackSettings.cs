using System.Globalization;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// `generate --set KEY=VALUE`: stack config values the generator cannot know (the host names of a
/// stage that had no custom domain on Heroku), or a value to override, written into
/// Pulumi.&lt;stack&gt;.yaml like the generated ones. Secret keys are refused: their values never pass
/// through heroku2cloud.
/// </summary>
internal static class StackSettings
{
    /// <returns>The keys given, so a stack file already on disk takes these values instead of keeping its own.</returns>
    public static IReadOnlyList<string> Apply(ResourceGraph program, StackConfig stack, IEnumerable<string> settings)
    {
        var keys = new List<string>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"--set '{setting}' is not KEY=VALUE; for example --set shopDomains=shop.example.com,www.shop.example.com.");
            var key = setting[..equals].Trim();
            var text = setting[(equals + 1)..].Trim();
            var declaration = program.Config.FirstOrDefault(c => c.Key == key)
                ?? throw new UsageException($"--set {key}: the program has no config key {key}; the keys are listed in Pulumi.yaml (config:).");
            if (declaration.Secret)
                throw new UsageException($"--set {key}: {key} is secret; set it with `pulumi config set --secret {key}` so its value never reaches a file in plain text.");
            stack.Set(key, Parse(declaration, text));
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Non-secret keys that still have no value in the stack: the stack file cannot be written without them.</summary>
    public static IReadOnlyList<string> Missing(ResourceGraph program, StackConfig stack) =>
        [.. program.Config.Where(c => !c.Secret && c.Default is null && !stack.Values.ContainsKey(c.Key)).Select(c => c.Key)];

    private static Value Parse(ConfigDeclaration declaration, string text)
    {
        switch (declaration.Type)
        {
            case ConfigType.Integer:
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new UsageException($"--set {declaration.Key}: '{text}' is not a whole number.");
            case ConfigType.Boolean:
                return bool.TryParse(text, out var flag)
                    ? flag
                    : throw new UsageException($"--set {declaration.Key}: '{text}' is not true or false.");
            case ConfigType.StringList:
                return Value.List(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (Value)s));
            default:
                return text;
        }
    }
}
