using System.Text;

namespace HerokuToCloud.Graph.Policy.Generic;

/// <summary>
/// Whether a property or variable name looks like it holds a secret: it contains a secret word
/// (password, secret, token, credential, or api/private/access/auth/signing/encryption key) and does not
/// end in a word that makes it metadata about a secret (passwordLength, secretName, kmsKeyId, secretKeyRef).
/// Names are split into words at case changes and at '_', '-', '.', '/', ':'.
/// </summary>
public static class SecretLookingNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "credentials", "apikey", "privatekey", "secretkey", "accesskey",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "private", "access", "auth", "signing", "encryption", "master", "client", "secret",
    };

    private static readonly HashSet<string> MetadataWords = new(StringComparer.Ordinal)
    {
        "name", "names", "id", "ids", "arn", "arns", "ref", "refs", "reference", "length", "type", "types", "version", "versions",
        "policy", "policies", "rotation", "enabled", "count", "path", "paths", "file", "prefix", "suffix", "url", "uri", "endpoint",
        "ttl", "duration", "period", "days", "header", "field", "selector", "manager", "store", "provider", "mount", "volume", "env",
        "from", "source", "kind", "format", "key", "keys",
    };

    public static bool IsSecretLooking(string name)
    {
        var words = Words(name);
        if (words.Count == 0 || MetadataWords.Contains(words[^1]) && !(words[^1] == "key" && words.Count > 1 && KeyQualifiers.Contains(words[^2])))
            return false;
        for (var i = 0; i < words.Count; i++)
        {
            if (SecretWords.Contains(words[i]))
                return true;
            if (words[i] == "key" && i > 0 && KeyQualifiers.Contains(words[i - 1]))
                return true;
        }

        return false;
    }

    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            // A word starts at a capital after a lowercase letter (apiKey), or at the last capital of a run
            // followed by a lowercase letter (DBPassword → DB, Password).
            var boundary = char.IsUpper(c) && current.Length > 0
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
                Flush();
            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString());
            current.Clear();
        }
    }
}
