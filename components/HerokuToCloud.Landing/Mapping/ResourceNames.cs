using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Landing;

/// <summary>
/// Names every landing entity (system, app, service, scheduled task, datastore) carries into the
/// targets: lower-case letters, digits and single dashes, starting with a letter, ending with a
/// letter or digit, at most <see cref="MaxLength"/> characters.
/// </summary>
/// <remarks>
/// Why 24: targets derive physical names from these by adding suffixes. The tightest AWS limit is
/// 32 characters (load balancer and target group names) and Pulumi's auto-naming appends an
/// 8-character random suffix, leaving 24; a Kubernetes CronJob name may have 52 characters, which
/// "&lt;app&gt;-&lt;task&gt;" (24 + 1 + 24 = 49) respects. Longer names are shortened with a hash
/// (see <see cref="Shorten"/>) and reported;
/// a name with no letter to start from cannot be repaired and is an error.
/// </remarks>
public static partial class ResourceNames
{
    public const int MaxLength = 24;

    public static bool IsValid(string name) =>
        name.Length <= MaxLength && ValidPattern().IsMatch(name);

    /// <summary>
    /// Lower-cases, turns every run of other characters into one dash and trims dashes; null when
    /// nothing usable remains or the result does not start with a letter. Not shortened.
    /// </summary>
    public static string? Sanitize(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim().ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }

        var name = sb.ToString().Trim('-');
        return name.Length > 0 && name[0] is >= 'a' and <= 'z' ? name : null;
    }

    /// <summary>
    /// Shortens a sanitized name to <see cref="MaxLength"/>: its first 19 characters, a dash and four
    /// characters of a hash of the whole name, so that two long names sharing a beginning
    /// (worker_log_parser_fail_raw_sheriffed / _unsheriffed) stay apart, the same way every run.
    /// </summary>
    public static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
            return name;
        const int hashLength = 4;
        return $"{Truncate(name, MaxLength - hashLength - 1)}-{Hash(name, hashLength)}";
    }

    /// <summary>Cuts a sanitized name to <paramref name="maxLength"/> without leaving a trailing dash.</summary>
    public static string Truncate(string name, int maxLength) =>
        name.Length <= maxLength ? name : name[..maxLength].TrimEnd('-');

    /// <summary>
    /// The resource name for <paramref name="raw"/>, shortened when needed; a name that cannot be
    /// made valid is a <see cref="LandingException"/> naming <paramref name="key"/>.
    /// </summary>
    public static string From(string raw, string key) =>
        Sanitize(raw) is { } name
            ? Shorten(name)
            : throw new LandingException(
                $"{key}: '{raw}' cannot become a resource name (lower-case letters, digits and dashes, starting with a letter); rename it in the inventory.");

    /// <summary>
    /// "&lt;prefix&gt;-&lt;suffix&gt;" within <see cref="MaxLength"/>: the prefix gives way first, so the
    /// distinguishing suffix survives (up to 16 characters of it; the prefix keeps at least 7).
    /// </summary>
    public static string Join(string prefix, string suffix)
    {
        suffix = Truncate(suffix, MaxLength - 8);
        var room = MaxLength - suffix.Length - 1;
        return $"{Truncate(prefix, room)}-{suffix}";
    }

    /// <summary>FNV-1a (32 bit) of the name in base 36: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static string Hash(string name, int length)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(digits[(int)(hash % 36)]);
            hash /= 36;
        }

        return sb.ToString();
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ValidPattern();
}
