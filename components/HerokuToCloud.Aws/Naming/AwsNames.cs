using System.Text;

namespace HerokuToCloud.Aws;

/// <summary>
/// Logical resource names and the AWS limits on the physical names Pulumi derives from them.
/// The program never fixes a physical name: Pulumi auto-names each resource as the logical name plus
/// a dash and seven random characters, so two stacks in one account never collide. (The RDS instance
/// is the one exception with the same shape: its identifier is the logical name plus a dash and seven
/// random characters from the stack's state, because its log groups are named after it.) Where AWS limits a
/// name's length (32 characters for load balancers and target groups, 40 for ElastiCache replication
/// groups, 64 for IAM roles and schedules) a logical name that leaves no room for the suffix is
/// rejected here, with the app to rename, instead of failing half-way through <c>pulumi up</c>.
/// </summary>
public static class AwsNames
{
    /// <summary>Characters Pulumi's auto-naming appends: a dash and seven random characters.</summary>
    public const int AutonameSuffix = 8;

    public const int LoadBalancerMax = 32;
    public const int TargetGroupMax = 32;
    public const int ReplicationGroupMax = 40;
    public const int RoleMax = 64;
    public const int ScheduleMax = 64;
    public const int DbInstanceMax = 63;

    /// <summary>Joins parts into a logical name: lower-case letters, digits and single dashes.</summary>
    public static string Logical(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts.Where(p => !string.IsNullOrEmpty(p)))
        {
            if (text.Length > 0)
                text.Append('-');
            foreach (var c in part.ToLowerInvariant())
                text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var name = text.ToString();
        while (name.Contains("--", StringComparison.Ordinal))
            name = name.Replace("--", "-", StringComparison.Ordinal);
        return name.Trim('-');
    }

    /// <summary>
    /// A logical name whose auto-named physical name fits <paramref name="maxLength"/>: unchanged when
    /// it fits, otherwise its beginning, a dash and four characters of a hash of the whole name, so
    /// that two long names sharing a beginning stay apart, the same way on every run.
    /// </summary>
    public static string Fit(string logicalName, int maxLength)
    {
        var room = maxLength - AutonameSuffix;
        if (logicalName.Length <= room)
            return logicalName;
        return $"{logicalName[..(room - 5)].TrimEnd('-')}-{Hash(logicalName)}";
    }

    /// <summary>
    /// Throws when the auto-named physical name of <paramref name="logicalName"/> would exceed
    /// <paramref name="maxLength"/>, or when AWS would reject its characters.
    /// </summary>
    /// <param name="what">The kind of resource, for the message ("load balancer").</param>
    /// <param name="subject">What the user calls the thing it belongs to ("app shop-web").</param>
    public static void EnsureAutonamable(string logicalName, int maxLength, string what, string subject)
    {
        if (logicalName.Length == 0 || !char.IsAsciiLetterLower(logicalName[0]))
            throw new AwsLandingException(
                $"The {what} of {subject} would be named '{logicalName}', but AWS names must start with a letter; rename {subject} in the inventory.");
        var physical = logicalName.Length + AutonameSuffix;
        if (physical > maxLength)
        {
            var over = physical - maxLength;
            throw new AwsLandingException(
                $"The {what} of {subject} would be named '{logicalName}-xxxxxxx' ({physical} characters), but AWS allows at most {maxLength}; " +
                $"shorten the name of {subject} in the inventory by at least {over} character{(over == 1 ? "" : "s")}.");
        }
    }

    /// <summary>FNV-1a (32 bit) in base 36: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static string Hash(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = new StringBuilder(4);
        for (var i = 0; i < 4; i++)
        {
            text.Append(digits[(int)(hash % 36)]);
            hash /= 36;
        }

        return text.ToString();
    }
}
