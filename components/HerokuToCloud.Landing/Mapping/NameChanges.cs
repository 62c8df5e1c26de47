namespace HerokuToCloud.Landing;

/// <summary>
/// Reports an inventory name the targets cannot use as written. The landing name is what the Pulumi
/// project, the resource names and the stack config keys are built from, so a silent rewrite would
/// move the team's config namespace (<c>emi.grate_x:...</c> becomes <c>emi-grate-x:...</c>) without
/// anyone choosing it.
/// </summary>
internal static class NameChanges
{
    /// <param name="subject">The inventory key the name came from (<c>system</c>, <c>apps[shop_web]</c>).</param>
    /// <param name="raw">The name as the inventory gives it.</param>
    /// <param name="used">The landing name <see cref="ResourceNames.From"/> made of it.</param>
    /// <param name="follows">What is named after it, for the message.</param>
    public static void Report(FindingLog findings, string subject, string raw, string used, string follows)
    {
        if (raw == used)
            return;
        var why = ResourceNames.Sanitize(raw) is { } full && full.Length > used.Length
            ? $"shortened with a hash to {ResourceNames.MaxLength} characters at most, so targets can add suffixes"
            : "resource names are lower-case letters, digits and single dashes";
        findings.Warning(subject,
            $"'{raw}' is used as '{used}' ({why}); {follows} follow it. Rename it in the inventory to choose the name yourself.");
    }
}
