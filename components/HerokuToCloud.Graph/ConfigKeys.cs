using System.Text;

namespace HerokuToCloud.Graph;

/// <summary>
/// Names for the stack config keys a target declares: lowerCamelCase letters and digits only
/// (("shop-web", "worker", "replicas") → <c>shopWebWorkerReplicas</c>), because Pulumi YAML reads a
/// config value as <c>${key}</c> and a dot or bracket there would read as a property access. Every
/// target names its keys here, so the same plan gives the same key on AWS and on Kubernetes.
/// </summary>
public static class ConfigKeys
{
    public static string Of(params string[] parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            foreach (var word in part.Split(c => !char.IsAsciiLetterOrDigit(c)))
            {
                if (word.Length == 0)
                    continue;
                if (key.Length == 0)
                    key.Append(char.ToLowerInvariant(word[0])).Append(word[1..]);
                else
                    key.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
            }
        }

        if (key.Length == 0 || !char.IsAsciiLetter(key[0]))
            throw new ResourceGraphException($"'{string.Join("-", parts)}' cannot become a stack config key: it must start with a letter.");
        return key.ToString();
    }

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (separator(c))
            {
                words.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        words.Add(current.ToString());
        return [.. words];
    }
}
