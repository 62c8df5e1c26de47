using System.Text;

namespace HerokuToCloud.Aws;

/// <summary>
/// Stack config keys: camelCase words only (<c>shopWebWebCpu</c>), because Pulumi YAML reads a config
/// value as <c>${key}</c> and a dash or dot there would read as an expression.
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
            throw new AwsLandingException($"'{string.Join("-", parts)}' cannot become a stack config key: it must start with a letter.");
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
