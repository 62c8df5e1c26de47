using System.Text;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Stack config key names. Keys are lowerCamelCase letters and digits only, because Pulumi YAML
/// reads a config value as <c>${key}</c> and a dot or bracket in the key would be taken as a
/// property access. The parts are the plan's names: ("shop-web", "worker", "replicas") → shopWebWorkerReplicas.
/// </summary>
public static class ConfigKeys
{
    public static string Of(params string[] parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            foreach (var word in part.Split(['-', '_', '.', ' ', ':', '/'], StringSplitOptions.RemoveEmptyEntries))
            {
                var clean = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
                if (clean.Length == 0)
                    continue;
                if (key.Length == 0)
                    key.Append(char.ToLowerInvariant(clean[0])).Append(clean[1..]);
                else
                    key.Append(char.ToUpperInvariant(clean[0])).Append(clean[1..]);
            }
        }

        if (key.Length == 0 || !char.IsAsciiLetter(key[0]))
            throw new KubernetesLandingException($"'{string.Join("-", parts)}' cannot be turned into a stack config key; names must start with a letter.");
        return key.ToString();
    }
}
