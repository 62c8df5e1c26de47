using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HerokuToCloud.Inventory.Readers.Secrets;

/// <summary>
/// Config var values kept by <c>capture --secrets-out</c>: app → var → value, for the vars the team set
/// and the vars of add-ons the landing does not rebuild (PAPERTRAIL_API_TOKEN, SENDGRID_*): the generated
/// program reads those from secret config, so their values must travel. They come from the Heroku Platform
/// API (the apps' real values) or from app.json (the defaults its "value" keys publish; see
/// <see cref="SecretsOrigin"/>). Values of vars a rebuilt datastore injects (DATABASE_URL, REDIS_URL) are
/// never held, because the new platform makes them new, nor Heroku's runtime vars. This is the only object
/// that carries values out of a capture; <see cref="ToString"/> shows none.
/// </summary>
public sealed class CapturedSecrets
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _values;
    private readonly SortedDictionary<string, SortedSet<string>> _excluded;
    private readonly SortedDictionary<string, SortedSet<string>> _withoutValue;

    private CapturedSecrets(
        SecretsOrigin origin,
        SortedDictionary<string, SortedDictionary<string, string>> values,
        SortedDictionary<string, SortedSet<string>> excluded,
        SortedDictionary<string, SortedSet<string>> withoutValue)
    {
        Origin = origin;
        _values = values;
        _excluded = excluded;
        _withoutValue = withoutValue;
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
    /// source did not give (app.json declares no "value" for them): the team adds these to the file by hand.
    /// </summary>
    public IReadOnlyList<string> WithoutValueFor(string app) =>
        _withoutValue.TryGetValue(app, out var names) ? names.ToList() : [];

    /// <summary>
    /// Keeps the values of the team-set vars of each app in <paramref name="system"/> and of the vars
    /// of add-ons that are not <see cref="AddonServices.IsRebuiltDatastore">rebuilt</see>; the value
    /// of every rebuilt add-on var and runtime var is dropped here, before anything can write it.
    /// </summary>
    internal static CapturedSecrets From(
        HerokuSystem system, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> valuesByApp, SecretsOrigin origin = SecretsOrigin.PlatformApi)
    {
        var values = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        var excluded = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var withoutValue = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var services = system.Addons.ToDictionary(a => a.Name, a => a.Service, StringComparer.Ordinal);
        foreach (var app in system.Apps)
        {
            var kept = values[app.Name] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var dropped = excluded[app.Name] = new SortedSet<string>(StringComparer.Ordinal);
            var missing = withoutValue[app.Name] = new SortedSet<string>(StringComparer.Ordinal);
            var raw = valuesByApp.GetValueOrDefault(app.Name);
            foreach (var configVar in app.Config)
            {
                if (!IsKept(configVar, services))
                {
                    dropped.Add(configVar.Name);
                    continue;
                }

                if (raw is not null && raw.TryGetValue(configVar.Name, out var value) && value is not null)
                    kept[configVar.Name] = value;
                else if (configVar.Value == ConfigValueSource.SecretConfig && !configVar.BuildTime)
                    missing.Add(configVar.Name); // a build-time var goes to the image build, not to secret config
            }
        }

        return new CapturedSecrets(origin, values, excluded, withoutValue);
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
        var text = new StringBuilder(Origin == SecretsOrigin.AppJson ? AppJsonHeader : PlatformApiHeader);
        foreach (var (app, names) in _excluded.Where(e => e.Value.Count > 0))
            text.Append($"# {app}: not included: {string.Join(", ", names)}\n");
        foreach (var (app, names) in _withoutValue.Where(e => e.Value.Count > 0))
            text.Append($"# {app}: no value {(Origin == SecretsOrigin.AppJson ? "in app.json" : "on Heroku")}, add it by hand: {string.Join(", ", names)}\n");

        using var writer = new StringWriter(text) { NewLine = "\n" };
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (var (app, vars) in _values)
        {
            emitter.Emit(new Scalar(null, null, app, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            emitter.Emit(new MappingStart(null, null, isImplicit: true, vars.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
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
        return text.ToString();
    }

    private static readonly string PlatformApiHeader = """
        # heroku2cloud capture --secrets-out: config var values read from the Heroku Platform API.
        # SECRET. This file is readable by its owner only (mode 0600). Never commit it; load the
        # values into the new platform's secret store (for example `pulumi config set --secret`),
        # then delete it.
        # Layout: app name -> config var name -> value.
        # Included: the team's vars, and the vars of add-ons the new platform does not replace
        # (PAPERTRAIL_API_TOKEN ...), which it reads from secret config.
        # Not included, by design: values that Postgres and Redis add-ons inject (DATABASE_URL,
        # REDIS_URL ...): they are rebuilt from the new datastores, never copied; and Heroku
        # runtime vars (PORT, DYNO, HEROKU_APP_NAME ...), which the new platform provides or drops.

        """.ReplaceLineEndings("\n");

    private static readonly string AppJsonHeader = """
        # heroku2cloud capture --secrets-out: the config var values the apps' app.json files declare ("value").
        # They are the defaults the repository publishes, not necessarily what production runs: compare
        # them with `heroku config -a APP` and correct them, and add the vars listed below as having no
        # value, before `heroku2cloud secrets push`. Once it holds real values this file is SECRET:
        # it is readable by its owner only (mode 0600); never commit it, and delete it after the push.
        # Layout: app name -> config var name -> value.
        # Not included, by design: vars that Postgres and Redis add-ons inject (DATABASE_URL,
        # REDIS_URL ...), rebuilt from the new datastores; Heroku runtime vars (PORT, DYNO ...); and
        # vars app.json generates (generator: secret), which the new platform generates afresh.

        """.ReplaceLineEndings("\n");

    public override string ToString() => $"{Count} config var values of {string.Join(", ", Apps)} (values hidden)";
}
