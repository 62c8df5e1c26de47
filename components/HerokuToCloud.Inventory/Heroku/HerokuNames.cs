using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory;

/// <summary>
/// Heroku's naming rules for the things an inventory names (from the Platform API schema), and the
/// one place that turns free text (an app.json "name", a directory) into a valid app name.
/// </summary>
public static partial class HerokuNames
{
    /// <summary>App names: ^[a-z][a-z0-9-]{1,28}[a-z0-9]$ (3 to 30 characters).</summary>
    public static bool IsAppName(string name) => AppNamePattern().IsMatch(name);

    /// <summary>Pipeline names: ^[a-z][a-z0-9-]{2,29}$.</summary>
    public static bool IsPipelineName(string name) => PipelineNamePattern().IsMatch(name);

    /// <summary>Add-on names: ^[a-zA-Z][A-Za-z0-9_-]+$.</summary>
    public static bool IsAddonName(string name) => AddonNamePattern().IsMatch(name);

    /// <summary>Add-on service names as they appear in a plan ("heroku-postgresql", "jawsdb-maria").</summary>
    public static bool IsAddonService(string name) => ServicePattern().IsMatch(name);

    /// <summary>Plan names within a service ("standard-0", "in-dyno", "mini").</summary>
    public static bool IsPlanName(string name) => PlanPattern().IsMatch(name);

    /// <summary>Attachment names: upper-case letters, digits and underscores, starting with a letter (DATABASE, REDIS_CACHE).</summary>
    public static bool IsAttachmentName(string name) => AttachmentPattern().IsMatch(name);

    /// <summary>Process types: the formation pattern ^[-\w]{1,128}$, restricted to ASCII.</summary>
    public static bool IsProcessType(string name) => ProcessTypePattern().IsMatch(name);

    /// <summary>Config var names as a shell can export them.</summary>
    public static bool IsConfigVarName(string name) => ConfigVarPattern().IsMatch(name);

    /// <summary>
    /// System names become Pulumi project names: letters, digits, hyphens, underscores and periods.
    /// </summary>
    public static bool IsSystemName(string name) => SystemNamePattern().IsMatch(name);

    /// <summary>Regions, stacks and app features: lower-case words joined by dashes ("us", "heroku-24", "preboot").</summary>
    public static bool IsSlug(string name) => SlugPattern().IsMatch(name);

    /// <summary>A DNS hostname, optionally a wildcard (*.example.com); case is ignored.</summary>
    public static bool IsHostname(string name) => name.Length <= 253 && HostnamePattern().IsMatch(name);

    /// <summary>
    /// Turns free text into a valid Heroku app name ("Start on Heroku: Node.js" → "start-on-heroku-node-js"),
    /// or null when nothing usable remains. Deterministic: the same text always gives the same name.
    /// </summary>
    public static string? ToAppName(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var latin = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString() : Transliterate(c);
            if (latin.Length > 0)
                slug.Append(latin);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var name = slug.ToString().Trim('-');
        if (name.Length == 0)
            return null;
        if (name[0] is >= '0' and <= '9')
            name = "app-" + name;
        if (name.Length > 30)
            name = name[..30].TrimEnd('-');
        if (name.Length < 3)
            name += "-app";
        return IsAppName(name) ? name : null;
    }

    // The build runs with invariant globalization, where Unicode normalization cannot strip accents; Latin-1 letters are spelled out here.
    private static string Transliterate(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ù' or 'ú' or 'û' or 'ü' => "u",
        'ý' or 'ÿ' => "y",
        _ => "",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{1,28}[a-z0-9]$")]
    private static partial Regex AppNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{2,29}$")]
    private static partial Regex PipelineNamePattern();

    [GeneratedRegex("^[a-zA-Z][A-Za-z0-9_-]+$")]
    private static partial Regex AddonNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ServicePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex PlanPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex AttachmentPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ProcessTypePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ConfigVarPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SystemNamePattern();
}
