using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// The literal config var values the apps' app.json files declare ("value": NODE_ENV=production,
/// WEB_CONCURRENCY=2), for <c>capture --secrets-out</c> from manifests. The inventory never holds them, yet
/// the generated program reads every team var from secret config, so without this file each would have
/// to be typed again. A value that names another var ("$DATABASE_URL") is a reference, not a value: it is
/// left out, and the file says which var it referred to, whose replacement on the new platform it needs.
/// </summary>
public static class AppJsonValues
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
            var env = manifests[i].AppJson is { } file ? AppJsonReader.Read(file).Env : [];
            var app = system.Apps[i].Name;
            values[app] = env
                .Where(e => e.Value is not null && e.ReferencedVar is null)
                .ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
            references[app] = env
                .Where(e => e.ReferencedVar is not null)
                .ToDictionary(e => e.Name, e => e.ReferencedVar!, StringComparer.Ordinal);
        }

        return CapturedSecrets.From(system, values, SecretsOrigin.AppJson, references);
    }
}
