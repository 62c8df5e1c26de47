namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// One add-on as a manifest declares it: app.json "heroku-postgresql:standard-0", an object
/// {plan, as, options}, or a heroku.yml setup.addons entry. Plan and attachment may be left to Heroku's defaults.
/// </summary>
internal sealed record AddonDeclaration(
    string Service,
    string? Plan,
    string? As,
    IReadOnlyDictionary<string, string> Options,
    SourceLocation Where)
{
    /// <summary>
    /// Parses a plan as Heroku's CLI and app.json accept it: "service", "service:plan", optionally
    /// followed by provisioning flags ("heroku-postgresql:basic --version=15" → option version=15).
    /// </summary>
    public static AddonDeclaration Parse(string text, string? attachAs, IReadOnlyDictionary<string, string> options, SourceLocation where)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw where.Error("the add-on plan is empty; write it as service or service:plan, for example heroku-postgresql:essential-0.");

        var colon = words[0].IndexOf(':', StringComparison.Ordinal);
        var service = colon < 0 ? words[0] : words[0][..colon];
        var plan = colon < 0 ? null : words[0][(colon + 1)..];
        if (!HerokuNames.IsAddonService(service))
            throw where.Error($"'{service}' is not an add-on service name; write service or service:plan, for example heroku-postgresql:essential-0.");
        if (plan is not null && !HerokuNames.IsPlanName(plan))
            throw where.Error(plan.Length == 0
                ? $"the plan after '{service}:' is empty; name it (for example {service}:standard-0) or drop the colon for Heroku's default plan."
                : $"'{plan}' is not a plan name; write service:plan, for example {service}:standard-0.");

        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < words.Length; i++)
        {
            var flag = words[i];
            if (!flag.StartsWith("--", StringComparison.Ordinal) || flag.Length == 2)
                throw where.Error($"'{flag}' is neither part of the plan nor a --option; write options as --name=value, for example --version=15.");
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (equals > 2)
                merged[flag[2..equals]] = flag[(equals + 1)..];
            else if (i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
                merged[flag[2..]] = words[++i];
            else
                merged[flag[2..]] = "true";
        }

        // Explicit "options" win over flags in the plan string: they are the structured form.
        foreach (var (key, value) in options)
            merged[key] = value;

        if (attachAs is not null && !HerokuNames.IsAttachmentName(attachAs))
            throw where.Error($"'{attachAs}' is not a valid attachment name; use upper-case letters, digits and '_', starting with a letter (for example {SuggestAttachment(attachAs)}).");

        return new AddonDeclaration(service, plan, attachAs, merged, where);
    }

    private static string SuggestAttachment(string text)
    {
        var upper = new string(text.ToUpperInvariant().Select(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_').ToArray()).Trim('_');
        return upper.Length > 0 && upper[0] is >= 'A' and <= 'Z' ? upper : "DATABASE";
    }
}
