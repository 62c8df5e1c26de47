using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Object names Kubernetes accepts. Most objects the components create are referenced by name
/// (Services by DNS, Secrets by envFrom), so names are DNS-1123 labels: lower-case letters,
/// digits and dashes, starting with a letter, at most 63 characters. Names that would be longer
/// are shortened deterministically with a hash suffix, so two long names never collide.
/// </summary>
public static partial class KubernetesNames
{
    /// <summary>DNS-1123 label limit (Service names, label values).</summary>
    public const int MaxLabel = 63;

    /// <summary>The CronJob controller appends an 11-character suffix to Job names, so CronJob names stay within 52.</summary>
    public const int MaxCronJob = 52;

    /// <summary>Joins parts with dashes and shortens the result to <paramref name="max"/> characters.</summary>
    public static string Join(int max, params string[] parts) => Fit(string.Join('-', parts.Where(p => p.Length > 0)), max);

    /// <summary>
    /// Turns a Procfile process type or job name ("worker_high", "SendEmails") into a label part:
    /// lower case, underscores and other separators become dashes. Throws when nothing usable remains.
    /// </summary>
    public static string Part(string text, string what)
    {
        var lower = NonLabel().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-');
        lower = Dashes().Replace(lower, "-");
        if (lower.Length == 0 || !char.IsAsciiLetterLower(lower[0]) && !char.IsAsciiDigit(lower[0]))
            throw new KubernetesLandingException($"{what} '{text}' cannot be turned into a Kubernetes name; use letters, digits, dashes or underscores.");
        return lower;
    }

    /// <summary>Checks a name the landing plan promises to be resource-safe.</summary>
    public static string Require(string name, string what)
    {
        if (!Label().IsMatch(name))
            throw new KubernetesLandingException(
                $"{what} '{name}' is not a valid Kubernetes name: use lower-case letters, digits and dashes, starting with a letter and ending with a letter or digit, at most {MaxLabel} characters.");
        return name;
    }

    public static bool IsLabel(string name) => Label().IsMatch(name);

    /// <summary>Shortens a name to <paramref name="max"/> characters, keeping it unique with a stable hash suffix.</summary>
    public static string Fit(string name, int max)
    {
        if (name.Length <= max)
            return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var head = name[..(max - hash.Length - 1)].TrimEnd('-');
        return $"{head}-{hash}";
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NonLabel();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
