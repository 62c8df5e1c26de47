using System.Text.RegularExpressions;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Where each config var of an app comes from on the new platform. Values never pass through
/// here: the inventory holds names only, and so does the plan.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Vars injected by an attachment of a Postgres or Redis add-on (every var the attachment
/// names, listed in the app's config or not) → <see cref="FromDatastore"/>: rebuilt from the new
/// datastore, never copied. REDIS_TLS_URL-style names (ending in _TLS_URL, or containing REDISS)
/// get the TLS form.</item>
/// <item>Team vars, and vars of add-ons that are not generated → <see cref="FromSecretConfig"/>
/// under the key <c>&lt;app&gt;-&lt;VAR&gt;</c> (<see cref="ConfigKey"/>), the Pulumi secret config
/// a team sets with <c>pulumi config set --secret shop-web-STRIPE_KEY …</c> once per stack, and the
/// key capture's --secrets-out values are set under (the value of VAR in the stack's Heroku app).</item>
/// <item>app.json generator "secret" → <see cref="GeneratedSecret"/>.</item>
/// <item>A team var that refers to a var rebuilt from a datastore (<see cref="ConfigVar.RefersTo"/>,
/// READ_DB = $DATABASE_URL), directly or through a chain of such vars (<see cref="ConfigReferences"/>)
/// → the same <see cref="FromDatastore"/>.</item>
/// <item>A team var that names a var another app's attachment injects (<see cref="ConfigVar.RefersToApp"/>: shop-admin's
/// SHOP_DB_URL = shop-web's DATABASE_URL) → the <see cref="FromDatastore"/> of that add-on, as if it were attached.</item>
/// <item>Heroku runtime vars (PORT, DYNO, HEROKU_*, ...) → dropped, with a finding; PORT comes
/// from the web service's port.</item>
/// <item>Build-time vars → the app's build secrets only, never the running task.</item>
/// </list>
/// Across the stages of a pipeline the secrets are the union of every stage's vars, so each stack
/// has the same secret names; when stages disagree about a var's source, a datastore beats secret
/// config, which beats a generated value.
/// </remarks>
public static partial class SecretResolution
{
    /// <summary>The Pulumi secret config key for a team var: "&lt;app landing name&gt;-&lt;VAR&gt;".</summary>
    public static string ConfigKey(string appLandingName, string var) => $"{appLandingName}-{var}";

    /// <summary>Which URL of a datastore a var gets: the TLS form for REDIS_TLS_URL-style names on Redis.</summary>
    public static DatastoreUrl UrlFor(AddonKind kind, string var) =>
        kind == AddonKind.Redis && (var.EndsWith("_TLS_URL", StringComparison.Ordinal) || var.Contains("REDISS", StringComparison.Ordinal))
            ? DatastoreUrl.TlsUrl
            : DatastoreUrl.Url;

    /// <summary>True for names every shell and runtime accepts as an environment variable (and a Pulumi config key suffix).</summary>
    public static bool IsValidVarName(string name) => VarPattern().IsMatch(name);

    internal static RoleSecrets Resolve(
        AppRole role, PipelineStage? stage, AddonLinks links, IReadOnlyDictionary<string, DatastoreGroup> groupOf, FindingLog findings)
    {
        var perMember = role.Members.Select(m => (Member: m, Vars: ResolveApp(m.App, role.Name, links, groupOf))).ToList();
        var reporter = role.PresentIn(stage) ?? role.Members[0];
        var present = role.PresentIn(stage);

        var secrets = new List<SecretEntry>();
        var build = new SortedSet<string>(StringComparer.Ordinal);
        var keysToSet = new List<string>();
        foreach (var var in perMember.SelectMany(p => p.Vars.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var outcomes = perMember.Where(p => p.Vars.ContainsKey(var)).Select(p => (p.Member, Outcome: p.Vars[var])).ToList();
            var runtime = outcomes.Where(o => o.Outcome.Source is not null).ToList();
            if (runtime.Count > 0)
            {
                var chosen = runtime.OrderBy(o => Priority(o.Outcome.Source!)).First();
                secrets.Add(new SecretEntry(var, chosen.Outcome.Source!));
                if (runtime.Select(o => o.Outcome.Source).Distinct().Count() > 1)
                {
                    findings.Warning(InventoryKeys.App(role.Name) + $".secrets[{var}]",
                        $"the stages disagree about where {var} comes from ({string.Join("; ", runtime.Select(o => $"{AppRole.Describe(o.Member)}: {Describe(o.Outcome.Source!)}"))}); " +
                        $"every stack uses {Describe(chosen.Outcome.Source!)}.");
                }

                if (chosen.Outcome.Source is FromSecretConfig config)
                {
                    keysToSet.Add(config.ConfigKey);
                    if (present is not null && !(present.App.Config.Any(c => c.Name == var) || links.Injecting(present.App, var) is not null))
                    {
                        findings.Info(InventoryKeys.Config(present.App.Name, var),
                            $"only other stages set {var}; this stack needs a value for '{config.ConfigKey}' too (every stack has the same secrets).");
                    }
                }
            }

            if (outcomes.Any(o => o.Outcome.BuildTime))
                build.Add(var);
        }

        if (perMember.FirstOrDefault(p => ReferenceEquals(p.Member, reporter)).Vars is { } reported)
        {
            foreach (var (var, outcome) in reported)
            {
                var key = InventoryKeys.Config(reporter.App.Name, var);
                if (outcome.Dropped is { } reason)
                {
                    // The new platform sets its own PORT; nothing sets the others, and the app declared them.
                    if (var == "PORT")
                        findings.Info(key, reason);
                    else
                        findings.Warning(key, reason);
                }
                else if (outcome.Source is null && outcome.BuildTime)
                    findings.Info(key, "needed only while building the image: a build secret of the image build, never in the running containers.");
                else if (outcome.Source is FromDatastore ds && outcome.BuildTime)
                {
                    findings.Warning(key,
                        $"needed at build time but rebuilt from datastore {ds.Datastore}, which lives in a private network the image build cannot reach; remove the build-time dependency.");
                }
            }
        }

        if (keysToSet.Count > 0)
        {
            // An app often has a single secret, and "1 secret config value(s)" reads as a slip. NounCount is in the
            // data engine, which the landing does not reference, so the number agrees here.
            var one = keysToSet.Count == 1;
            findings.Info(InventoryKeys.App(role.Name),
                $"set {keysToSet.Count} secret config value{(one ? "" : "s")} in every stack with `pulumi config set --secret <key>`: {string.Join(", ", keysToSet)}.",
                // The lead is also what plain manifests print, where there is no stack: it names the environments instead.
                new ConfigRequest(
                    one ? "1 config var is a secret to supply in every environment" : $"{keysToSet.Count} config vars are secrets to supply in every environment",
                    [.. keysToSet]));
        }

        return new RoleSecrets(secrets, build.ToList());
    }

    private static Dictionary<string, VarOutcome> ResolveApp(
        HerokuApp app, string landing, AddonLinks links, IReadOnlyDictionary<string, DatastoreGroup> groupOf)
    {
        var result = new Dictionary<string, VarOutcome>(StringComparer.Ordinal);
        foreach (var link in links.ForApp(app))
        {
            foreach (var var in link.Vars)
            {
                if (!IsValidVarName(var))
                    throw InvalidName(InventoryKeys.Attachment(link.Addon.Name, app.Name, link.Name), var);
                result[var] = groupOf.TryGetValue(link.Addon.Name, out var group)
                    ? new VarOutcome(new FromDatastore(group.Name, UrlFor(group.Kind, var)))
                    : new VarOutcome(new FromSecretConfig(ConfigKey(landing, var)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var var in app.Config)
        {
            var key = InventoryKeys.Config(app.Name, var.Name);
            if (!IsValidVarName(var.Name))
                throw InvalidName(key, var.Name);
            if (!seen.Add(var.Name))
                throw new LandingException($"{key}: the app lists this config var twice; keep one entry.");

            if (result.TryGetValue(var.Name, out var injected))
            {
                // The attachment is authoritative for what an add-on injects; the config entry only adds build-time use.
                result[var.Name] = injected with { BuildTime = var.BuildTime };
                continue;
            }

            result[var.Name] = var switch
            {
                { Kind: ConfigVarKind.Runtime } or { Value: ConfigValueSource.Platform } => new VarOutcome(null) { Dropped = DropReason(var.Name) },
                { BuildTime: true } => new VarOutcome(null) { BuildTime = true },
                { Value: ConfigValueSource.Generated } => new VarOutcome(new GeneratedSecret()),
                _ => new VarOutcome(new FromSecretConfig(ConfigKey(landing, var.Name))),
            };
        }

        // READ_DB = $DATABASE_URL: the var names a URL the new datastore replaces, so it gets that new
        // URL too. As secret config it would ask for a value that exists only after the first pulumi up,
        // and invite copying the Heroku URL, which points the new system at the old database. The end of
        // the chain decides (A_DB = $B_DB = $DATABASE_URL), and it refers to nothing, so its own outcome
        // above is final and the order of the app's vars does not matter.
        foreach (var var in app.Config.Where(v => v.RefersTo is not null && v.RefersToApp is null))
        {
            if (ConfigReferences.FinalTarget(app.Config, var.Name) is not { } target)
            {
                var loop = ConfigReferences.FirstLoop(app.Config);
                throw new LandingException(
                    $"{InventoryKeys.Config(app.Name, loop[0])}: the config vars {string.Join(", ", loop)} refer to each other in a loop ({ConfigReferences.Describe(loop)}), " +
                    "so none of them has a value; make one refersTo the var that holds the value (DATABASE_URL), or remove its refersTo.");
            }

            if (result[var.Name].Source is FromSecretConfig && result.TryGetValue(target, out var referenced) && referenced.Source is FromDatastore store)
                result[var.Name] = new VarOutcome(store);
        }

        // SHOP_DB_URL = shop-web's DATABASE_URL, set by hand: it gets the datastore that replaces the add-on
        // injecting it there, as an attachment would, and the app is given access to that datastore with it.
        foreach (var var in app.Config.Where(v => v is { RefersToApp: not null, RefersTo: not null }))
        {
            if (result[var.Name].Source is FromSecretConfig && links.Injecting(var.RefersToApp!, var.RefersTo!) is { } link
                && groupOf.TryGetValue(link.Addon.Name, out var group))
            {
                result[var.Name] = result[var.Name] with { Source = new FromDatastore(group.Name, UrlFor(group.Kind, var.RefersTo!)) };
            }
        }

        return result;
    }

    /// <summary>Why a var is not carried over, with who sets it on Heroku, so the team can judge whether the app reads it.</summary>
    private static string DropReason(string var) => var switch
    {
        "PORT" => "dropped: Heroku's dyno manager sets PORT; the new platform passes the web service's port (Service.Port) as PORT.",
        "WEB_CONCURRENCY" => "dropped: Heroku's language buildpacks compute it from the dyno size at boot; set it as team config if the app relies on it.",
        _ when var.StartsWith("JDBC_", StringComparison.Ordinal) =>
            "dropped: Heroku's Java buildpack derives it from DATABASE_URL at boot; make sure the image does the same, or read DATABASE_URL.",
        _ when RuntimeConfigVars.IsRuntime(var) =>
            $"dropped: set by Heroku ({RuntimeConfigVars.OriginOf(var)}), and nothing on the new platform sets it; if the app reads it, give it a replacement as team config.",
        _ => "dropped: set by Heroku's runtime, and nothing on the new platform sets it; if the app reads it, give it a replacement as team config.",
    };

    private static int Priority(SecretSource source) => source switch
    {
        FromDatastore => 0,
        FromSecretConfig => 1,
        _ => 2,
    };

    private static string Describe(SecretSource source) => source switch
    {
        FromDatastore d => $"datastore {d.Datastore} ({d.Url})",
        FromSecretConfig c => $"secret config {c.ConfigKey}",
        GeneratedSecret => "a generated secret",
        _ => source.GetType().Name,
    };

    private static LandingException InvalidName(string key, string var) =>
        new($"{key}: '{var}' is not a usable environment variable name (letters, digits and underscores, not starting with a digit); rename it.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VarPattern();
}

/// <summary>What one app's var becomes: a runtime secret (Source), a build secret, or nothing (Dropped).</summary>
internal sealed record VarOutcome(SecretSource? Source)
{
    public bool BuildTime { get; init; }

    public string? Dropped { get; init; }
}

/// <summary>The secrets and build secrets of one landing app.</summary>
internal sealed record RoleSecrets(IReadOnlyList<SecretEntry> Secrets, IReadOnlyList<string> BuildSecrets);
