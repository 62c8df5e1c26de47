using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Kubernetes.Manifests;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// `generate --set KEY=VALUE`: stack config values the generator cannot know (the host names of a
/// stage that had no custom domain on Heroku), or a value to override, written into
/// Pulumi.&lt;stack&gt;.yaml like the generated ones. Secret keys are refused: their values never pass
/// through heroku2cloud. A key is given as Pulumi.yaml declares it or qualified by the program's project,
/// as the stack file spells it.
/// </summary>
internal static class StackSettings
{
    /// <param name="directory">Where the program is written (-o), for the pulumi command a refusal gives.</param>
    /// <param name="plainManifests">True for `--format manifests`: no Pulumi file is written, so errors point at the manifests' own ways.</param>
    /// <returns>The keys given (as the program declares them), so a stack file already on disk takes these values instead of keeping its own.</returns>
    public static IReadOnlyList<string> Apply(ResourceGraph program, StackConfig stack, IEnumerable<string> settings, string directory, bool plainManifests)
    {
        var keys = new List<string>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"--set '{setting}' is not KEY=VALUE; for example --set shopDomains=shop.example.com,www.shop.example.com.");
            var key = setting[..equals].Trim();
            var text = setting[(equals + 1)..].Trim();
            var declaration = Declaration(program, key)
                ?? throw new UsageException($"--set {key}: the program has no config key {key}; --set takes {string.Join(", ", program.Config.Where(c => !c.Secret).Select(c => c.Key))}.");
            if (declaration.Secret)
            {
                throw new UsageException(plainManifests
                    ? $"--set {key}: {key} is secret; export {KubernetesManifests.Variable(declaration.Key)} before running {KubernetesManifests.SecretsScript} instead, so its value never reaches a file in plain text."
                    : $"--set {key}: {key} is secret; set it with `pulumi config set --cwd {ShellWord.Of(directory)} --secret {declaration.Key} --stack {stack.Stack}` so its value never reaches a file in plain text.");
            }

            stack.Set(declaration.Key, Parse(declaration, text));
            keys.Add(declaration.Key);
        }

        return keys;
    }

    /// <summary>
    /// The declaration <paramref name="key"/> names: as Pulumi.yaml declares it (logRetentionDays), or
    /// spelled the way the stack file writes the program's own keys (emigrate:logRetentionDays), since
    /// that is the spelling a team copies from the file and from a kept-value warning.
    /// </summary>
    private static ConfigDeclaration? Declaration(ResourceGraph program, string key) =>
        program.Config.FirstOrDefault(c => c.Key == key) ?? program.Config.FirstOrDefault(c => c.Key == StackKeys.Own(program.Project, key));

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
