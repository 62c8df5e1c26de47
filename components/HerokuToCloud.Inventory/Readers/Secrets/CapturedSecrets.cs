using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HerokuToCloud.Inventory.Readers.Secrets;

/// <summary>
/// Config var values kept by <c>capture --secrets-out</c>: app → var → value, for the vars the team set
/// and the vars of add-ons the landing does not rebuild (PAPERTRAIL_API_TOKEN, SENDGRID_*): the generated
/// program reads those from secret config, so their values must travel. They come from the Heroku Platform
/// API (the apps' real values) or from the manifests (the defaults app.json and heroku.yml publish; see
/// <see cref="SecretsOrigin"/>). Values of vars a rebuilt datastore injects (DATABASE_URL, REDIS_URL) are
/// never held, because the new platform makes them new, nor Heroku's runtime vars. This is the only object
/// that carries values out of a capture; <see cref="ToString"/> shows none.
/// </summary>
public sealed class CapturedSecrets
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _values;
    private readonly SortedDictionary<string, SortedSet<string>> _excluded;
    private readonly SortedDictionary<string, SortedSet<string>> _withoutValue;
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _references;
    private readonly SortedDictionary<string, SortedSet<string>> _optional;

    private CapturedSecrets(
        SecretsOrigin origin,
        SortedDictionary<string, SortedDictionary<string, string>> values,
        SortedDictionary<string, SortedSet<string>> excluded,
        SortedDictionary<string, SortedSet<string>> withoutValue,
        SortedDictionary<string, SortedDictionary<string, string>> references,
        SortedDictionary<string, SortedSet<string>> optional)
    {
        Origin = origin;
        _values = values;
        _excluded = excluded;
        _withoutValue = withoutValue;
        _references = references;
        _optional = optional;
    }

    public SecretsOrigin Origin { get; }

    /// <summary>Number of values held, over all apps.</summary>
    public int Count => _values.Values.Sum(v => v.Count);

    public IReadOnlyCollection<string> Apps => _values.Keys;

    /// <summary>Names (never values) of the vars of <paramref name="app"/> whose values are held.</summary>
    public IReadOnlyList<string> NamesFor(string app) =>
        _values.TryGetValue(app, out var vars) ? vars.Keys.ToList() : [];

    internal string? ValueOf(string app, string name) =>
        _values.TryGetValue(app, out var vars) && vars.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Names of the vars of <paramref name="app"/> the program reads from secret config but whose value the
    /// source did not give: the team adds these to the file by hand.
    /// </summary>
    public IReadOnlyList<string> WithoutValueFor(string app) =>
        _withoutValue.TryGetValue(app, out var names) ? names.ToList() : [];

    /// <summary>
    /// The vars of <paramref name="app"/> whose declared value only named another var (READ_DB = $DATABASE_URL),
    /// with that var: they need the value of what replaces it on the new platform, added by hand.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReferencesFor(string app) =>
        _references.TryGetValue(app, out var refs) ? refs : new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Optional vars of <paramref name="app"/> (app.json <c>required: false</c>) the source gave no value for:
    /// nothing to add, since <c>secrets push</c> gives each an empty value unless the file has one.
    /// </summary>
    public IReadOnlyList<string> OptionalWithoutValueFor(string app) =>
        _optional.TryGetValue(app, out var names) ? names.ToList() : [];

    /// <summary>
    /// Keeps the values of the team-set vars of each app in <paramref name="system"/> and of the vars
    /// of add-ons that are not <see cref="AddonServices.IsRebuiltDatastore">rebuilt</see>; the value
    /// of every rebuilt add-on var and runtime var is dropped here, before anything can write it.
    /// </summary>
    /// <param name="referencesByApp">Vars whose declared value only names another var ("$OTHER"), by app: they get no value, and the file says what they referred to.</param>
    internal static CapturedSecrets From(
        HerokuSystem system,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> valuesByApp,
        SecretsOrigin origin = SecretsOrigin.PlatformApi,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? referencesByApp = null)
    {
        var values = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        var excluded = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var withoutValue = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var references = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        var optionals = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var services = system.Addons.ToDictionary(a => a.Name, a => a.Service, StringComparer.Ordinal);
        foreach (var app in system.Apps)
        {
            var kept = values[app.Name] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var dropped = excluded[app.Name] = new SortedSet<string>(StringComparer.Ordinal);
            var missing = withoutValue[app.Name] = new SortedSet<string>(StringComparer.Ordinal);
            var referring = references[app.Name] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var optional = optionals[app.Name] = new SortedSet<string>(StringComparer.Ordinal);
            var raw = valuesByApp.GetValueOrDefault(app.Name);
            var refs = referencesByApp?.GetValueOrDefault(app.Name);
            foreach (var configVar in app.Config)
            {
                // A generated var gets a fresh random value on the new platform: its old one is never copied;
                // nor is a var that takes a rebuilt datastore's URL (READ_DB = $DATABASE_URL, or another app's, set by
                // hand: refersToApp): it gets the new URL, and the old one would point the new system at the old datastore.
                if (!IsKept(configVar, services) || configVar.Value == ConfigValueSource.Generated || SecretConfigVars.RefersToRebuilt(system, app, configVar))
                {
                    dropped.Add(configVar.Name);
                    continue;
                }

                if (raw is not null && raw.TryGetValue(configVar.Name, out var value) && value is not null)
                    kept[configVar.Name] = value;
                else if (configVar.BuildTime)
                    continue; // it goes to the image build, not to secret config
                else if (configVar is { Kind: ConfigVarKind.Team, Required: false })
                    optional.Add(configVar.Name); // secrets push gives it an empty value: nothing to add
                else if (refs is not null && refs.TryGetValue(configVar.Name, out var referenced))
                    referring[configVar.Name] = referenced;
                else
                    missing.Add(configVar.Name);
            }
        }

        return new CapturedSecrets(origin, values, excluded, withoutValue, references, optionals);
    }

    /// <summary>
    /// An add-on var whose add-on the inventory does not list is dropped: without its service,
    /// nothing proves it is not a datastore URL.
    /// </summary>
    private static bool IsKept(ConfigVar configVar, IReadOnlyDictionary<string, string> services) => configVar.Kind switch
    {
        ConfigVarKind.Team => true,
        ConfigVarKind.Addon => configVar.Addon is { } addon && services.TryGetValue(addon, out var service) && !AddonServices.IsRebuiltDatastore(service),
        _ => false,
    };

    /// <summary>
    /// The secrets file: a commented header, then a YAML mapping app → VAR → value with every
    /// value double-quoted (so multi-line keys and values that look like numbers survive).
    /// </summary>
    public string ToYaml()
    {
        var text = new StringBuilder(Origin == SecretsOrigin.Manifests ? ManifestsHeader : PlatformApiHeader);
        foreach (var (app, names) in _excluded.Where(e => e.Value.Count > 0))
            text.Append($"# {app}: not included: {string.Join(", ", names)}\n");
        foreach (var (app, names) in _withoutValue.Where(e => e.Value.Count > 0))
            text.Append($"# {app}: no value {(Origin == SecretsOrigin.Manifests ? "in the manifests" : "on Heroku")}, add it by hand: {string.Join(", ", names)}\n");
        foreach (var (app, names) in _optional.Where(e => e.Value.Count > 0))
        {
            text.Append($"# {app}: optional (required: false), no value {(Origin == SecretsOrigin.Manifests ? "in the manifests" : "on Heroku")}; " +
                        $"secrets push gives each an empty value unless you add one: {string.Join(", ", names)}\n");
        }

        foreach (var (app, refs) in _references.Where(e => e.Value.Count > 0))
        {
            text.Append($"# {app}: set from another var in the manifests, add each with the value of what replaces that var on the new platform " +
                        $"(not the Heroku one): {string.Join(", ", refs.Select(r => $"{r.Key} (= ${r.Value})"))}\n");
        }

        using var writer = new StringWriter(text) { NewLine = "\n" };
        var filled = _values.Where(v => v.Value.Count > 0).ToList();
        if (filled.Count > 0)
        {
            var emitter = new Emitter(writer);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            foreach (var (app, vars) in filled)
            {
                emitter.Emit(new Scalar(null, null, app, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (name, value) in vars)
                {
                    emitter.Emit(new Scalar(null, null, name, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                }

                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
        }

        // An app without values is written as "app:" alone (a Heroku app name needs no quoting), not "app: {}",
        // so the lines the team adds under it, as the comments above ask, make valid YAML.
        foreach (var app in _values.Where(v => v.Value.Count == 0).Select(v => v.Key))
            text.Append(app).Append(":\n");
        return text.ToString();
    }

    private static readonly string PlatformApiHeader = """
        # heroku2cloud capture --secrets-out: config var values read from the Heroku Platform API.
        # SECRET. This file is readable by its owner only (mode 0600). Never commit it; load the
        # values into the new platform's secret store (for example `pulumi config set --secret`),
        # then delete it.
        # Layout: app name -> config var name -> value.
        # Included: the team's vars, and the vars of add-ons the new platform does not replace
        # (PAPERTRAIL_API_TOKEN ...), which it reads from secret config; build-time vars too, for the
        # image build (`secrets push` does not set them).
        # Not included, by design: values that Postgres and Redis add-ons inject (DATABASE_URL,
        # REDIS_URL ...): they are rebuilt from the new datastores, never copied; Heroku runtime vars
        # (PORT, DYNO, HEROKU_APP_NAME ...), which the new platform provides or drops; and generated
        # vars (app.json generator: secret), which get fresh values.

        """.ReplaceLineEndings("\n");

    private static readonly string ManifestsHeader = """
        # heroku2cloud capture --secrets-out: the config var values the apps' manifests declare (app.json
        # "env", heroku.yml "setup.config").
        # They are the defaults the repository publishes, not necessarily what production runs: compare
        # them with `heroku config -a APP` and correct them, and add the vars listed below as having no
        # value, before `heroku2cloud secrets push`. Once it holds real values this file is SECRET:
        # it is readable by its owner only (mode 0600); never commit it, and delete it after the push.
        # Layout: app name -> config var name -> value. Build-time vars are included for the image
        # build (`secrets push` does not set them).
        # Not included, by design: vars that Postgres and Redis add-ons inject (DATABASE_URL,
        # REDIS_URL ...), rebuilt from the new datastores; Heroku runtime vars (PORT, DYNO ...); and
        # vars app.json generates (generator: secret), which the new platform generates afresh.

        """.ReplaceLineEndings("\n");

    public override string ToString() => $"{Count} config var values of {string.Join(", ", Apps)} (values hidden)";
}
