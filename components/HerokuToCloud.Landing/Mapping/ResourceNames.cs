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
/// "&lt;app&gt;-&lt;task&gt;" (24 + 1 + 24 = 49) respects. Longer names are shortened (and reported);
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

    /// <summary>Shortens a sanitized name to <see cref="MaxLength"/> without leaving a trailing dash.</summary>
    public static string Shorten(string name, int maxLength = MaxLength) =>
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
        suffix = Shorten(suffix, MaxLength - 8);
        var room = MaxLength - suffix.Length - 1;
        return $"{Shorten(prefix, room)}-{suffix}";
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ValidPattern();
}
