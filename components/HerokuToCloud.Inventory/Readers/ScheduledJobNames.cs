using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory;

/// <summary>
/// Names for Heroku Scheduler jobs. Heroku gives jobs no names, but the new platform needs one per
/// schedule, so readers derive a short, stable one from the command when the inventory has none:
/// "node job.ts" → "job", "node dist/jobs/expire-carts.js" → "expire-carts",
/// "bundle exec rake cleanup:sessions" → "cleanup-sessions".
/// </summary>
public static partial class ScheduledJobNames
{
    public const int MaxLength = 40;

    // Words that say how a command runs rather than what it does.
    private static readonly HashSet<string> Runners = new(StringComparer.Ordinal)
    {
        "bundle", "exec", "bin/rails", "rails", "runner", "bin/rake", "rake", "node", "npx", "npm", "run", "yarn", "pnpm",
        "python", "python3", "manage.py", "./manage.py", "django-admin", "ruby", "php", "artisan", "java", "-jar", "sh", "bash",
        "mix", "go", "deno", "bun", "env", "timeout",
    };

    private static readonly string[] ScriptExtensions = [".ts", ".js", ".mjs", ".cjs", ".py", ".rb", ".sh", ".php", ".jar"];

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>A valid name for <paramref name="command"/> that is not in <paramref name="taken"/>.</summary>
    public static string FromCommand(string command, IReadOnlySet<string> taken)
    {
        var words = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => w.Contains('=', StringComparison.Ordinal))
            .Where(w => !Runners.Contains(w))
            .Take(3)
            .Select(ScriptName);

        var slug = new StringBuilder();
        foreach (var c in string.Join('-', words).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var name = slug.ToString().Trim('-');
        if (name.Length > MaxLength)
            name = name[..MaxLength].TrimEnd('-');
        if (name.Length == 0)
            name = "job";

        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = (name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)].TrimEnd('-') : name) + suffix;
        }

        return candidate;
    }

    /// <summary>A script path names the job by its file: "dist/jobs/expire-carts.js" → "expire-carts".</summary>
    private static string ScriptName(string word)
    {
        var slash = word.LastIndexOf('/');
        if (slash >= 0 && slash < word.Length - 1)
            word = word[(slash + 1)..];
        foreach (var extension in ScriptExtensions)
        {
            if (word.Length > extension.Length && word.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return word[..^extension.Length];
        }

        return word;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
