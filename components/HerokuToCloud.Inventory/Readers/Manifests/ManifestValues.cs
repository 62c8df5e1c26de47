using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// The literal config var values the apps' manifests declare (app.json "env": NODE_ENV=production,
/// WEB_CONCURRENCY=2; heroku.yml "setup.config" where app.json gives none), for <c>capture --secrets-out</c>
/// from manifests. The inventory never holds them, yet the generated program reads every team var from
/// secret config, so without this file each would have to be typed again. A value that names another var
/// ("$DATABASE_URL") is a reference, not a value: it is left out, and the file says which var it referred
/// to, whose replacement on the new platform it needs.
/// </summary>
public static class ManifestValues
{
    /// <param name="system">The system captured from <paramref name="manifests"/>, one app per set, in the same order.</param>
    public static CapturedSecrets Read(HerokuSystem system, IReadOnlyList<AppManifests> manifests)
    {
        if (system.Apps.Count != manifests.Count)
            throw new ArgumentException($"{manifests.Count} manifest sets were given for {system.Apps.Count} captured apps.", nameof(manifests));

        var values = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        var references = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Count; i++)
        {
            var declared = new Dictionary<string, string>(StringComparer.Ordinal);
            if (manifests[i].HerokuYml is { } yml)
            {
                foreach (var (name, value) in HerokuYmlReader.Read(yml).SetupValues)
                    declared[name] = value;
            }

            // app.json after heroku.yml: where both give a var, app.json's value is the one kept.
            foreach (var env in manifests[i].AppJson is { } file ? AppJsonReader.Read(file).Env : [])
            {
                if (env.Value is { } value)
                    declared[env.Name] = value;
            }

            var literals = new Dictionary<string, string?>(StringComparer.Ordinal);
            var referring = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in declared)
            {
                if (AppJsonReader.VarReference(value) is { } referenced)
                    referring[name] = referenced;
                else
                    literals[name] = value;
            }

            values[system.Apps[i].Name] = literals;
            references[system.Apps[i].Name] = referring;
        }

        return CapturedSecrets.From(system, values, SecretsOrigin.Manifests, references);
    }
}
