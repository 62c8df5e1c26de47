using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Landing.Tests.Support;

/// <summary>
/// Renders a plan as text by reflection over its init-only properties, so tests can compare whole
/// plans (records holding lists do not compare by value) and see every string a plan carries.
/// <see cref="Structure"/> leaves out the per-stack values: what remains must be identical for
/// every stack of a system.
/// </summary>
internal static class PlanText
{
    /// <summary>The values that may differ between stacks of one system (the documented contract).</summary>
    public static readonly IReadOnlySet<string> ValueMembers = new HashSet<string>
    {
        "LandingPlan.Stack", "LandingPlan.Stage", "LandingPlan.Findings",
        "AppLanding.SourceApp", "AppLanding.Domains",
        "Service.Compute", "Service.Count", "ScalingRange.Min", "ScalingRange.Max",
        "ReleaseTask.Compute", "ScheduledTask.Compute", "ScheduledTask.Enabled",
        "PostgresDatastore.HerokuPlan", "PostgresDatastore.Version", "PostgresDatastore.HighAvailability",
        "PostgresDatastore.Vcpu", "PostgresDatastore.MemoryGiB", "PostgresDatastore.Burstable",
        "PostgresDatastore.StorageGiB", "PostgresDatastore.MaxStorageGiB", "PostgresDatastore.ConnectionLimit",
        "PostgresDatastore.BackupRetentionDays",
        "RedisDatastore.HerokuPlan", "RedisDatastore.Version", "RedisDatastore.HighAvailability",
        "RedisDatastore.MemoryMiB", "RedisDatastore.Nodes",
    };

    public static string Full(LandingPlan plan) => Render(plan, structureOnly: false);

    public static string Structure(LandingPlan plan) => Render(plan, structureOnly: true);

    /// <summary>Every string value anywhere in the plan.</summary>
    public static IEnumerable<string> Strings(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return s;
                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var s in Strings(item))
                        yield return s;
                }

                yield break;
        }

        if (value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum)
            yield break;
        foreach (var property in Properties(value.GetType()))
        {
            foreach (var s in Strings(property.GetValue(value)))
                yield return s;
        }
    }

    /// <summary>Public properties a record is built from (init-only), in declaration order.</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.MetadataToken);

    private static string Render(LandingPlan plan, bool structureOnly)
    {
        var sb = new StringBuilder();
        Write(sb, plan, 0, structureOnly);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent, bool structureOnly)
    {
        var pad = new string(' ', indent * 2);
        switch (value)
        {
            case null:
                sb.Append("null\n");
                return;
            case string s:
                sb.Append('"').Append(s).Append("\"\n");
                return;
            case decimal d:
                sb.Append(d.ToString(CultureInfo.InvariantCulture)).Append('\n');
                return;
            case IFormattable f when value.GetType().IsPrimitive || value.GetType().IsEnum:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture)).Append('\n');
                return;
            case bool b:
                sb.Append(b ? "true\n" : "false\n");
                return;
            case IEnumerable items:
                sb.Append("[\n");
                foreach (var item in items)
                {
                    sb.Append(pad).Append("  - ");
                    Write(sb, item, indent + 2, structureOnly);
                }

                sb.Append(pad).Append("]\n");
                return;
        }

        var type = value.GetType();
        sb.Append(type.Name).Append('\n');
        foreach (var property in Properties(type))
        {
            var member = $"{type.Name}.{property.Name}";
            sb.Append(pad).Append("  ").Append(property.Name).Append(": ");
            if (structureOnly && ValueMembers.Contains(member))
            {
                sb.Append("<value>\n");
                continue;
            }

            Write(sb, property.GetValue(value), indent + 1, structureOnly);
        }
    }
}
