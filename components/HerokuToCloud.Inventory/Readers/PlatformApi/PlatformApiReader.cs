using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;
using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Captures a Heroku system from the Platform API: reads each app (app, formation, config var
/// names, add-ons and attachments, domains, pipeline coupling, buildpacks, features, log drains),
/// then every attachment of the add-ons they use, and maps it all onto one inventory. Reads
/// everything before returning anything, so a failure leaves no partial result.
/// </summary>
public sealed class PlatformApiReader(HerokuApiClient client)
{
    /// <summary>Asks Heroku to include each attachment's config var names, as the Heroku CLI does.</summary>
    private static readonly IReadOnlyDictionary<string, string> IncludeConfigVars =
        new Dictionary<string, string> { ["Accept-Inclusion"] = "config_vars" };

    /// <summary>Shorter equal values are left out: "true" or "production" twice is a coincidence, two equal URLs or tokens of this length are one value set twice.</summary>
    private const int MinimumLength = 16;

    /// <param name="progress">Receives one line per step ("shop-web: reading"), for a terminal status display.</param>
    public async Task<PlatformCapture> CaptureAsync(PlatformCaptureRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var apps = request.Apps.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (apps.Count == 0)
            throw new InventoryException("no app to capture: name at least one Heroku app (capture --app NAME).");

        progress?.Report($"checking the API token with {client.BaseUrl}");
        await client.IdentifyAccountAsync(cancellationToken);

        var snapshots = new List<AppSnapshot>();
        var values = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var (app, index) in apps.Select((a, i) => (a, i + 1)))
        {
            progress?.Report($"reading app {app} ({index}/{apps.Count})");
            var (snapshot, config) = await ReadAppAsync(app, cancellationToken);
            if (snapshots.Any(s => s.App.Name == snapshot.App.Name))
                continue;
            snapshots.Add(snapshot);
            values[snapshot.App.Name] = config;
        }

        // The mapping needs only which vars of the other apps share a value; the values stay only when asked for.
        snapshots = snapshots.Select(s => s with { SameValueInOtherApps = SameValuesElsewhere(s.App.Name, values) }).ToList();
        if (!request.IncludeSecretValues)
            values.Clear();

        var addonAttachments = new Dictionary<string, IReadOnlyList<AddonAttachmentResource>>(StringComparer.Ordinal);
        foreach (var addon in snapshots.SelectMany(s => s.Addons).DistinctBy(a => a.Id).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            progress?.Report($"reading attachments of add-on {addon.Name}");
            addonAttachments[addon.Id] = await client.GetListAsync<AddonAttachmentResource>(
                new ApiRead($"/addons/{ApiRead.Segment(addon.Id)}/addon-attachments", $"the attachments of add-on {addon.Name}"),
                cancellationToken);
        }

        var mapping = PlatformSystemMapper.Map(request.SystemName, snapshots, addonAttachments);
        var secrets = request.IncludeSecretValues ? CapturedSecrets.From(mapping.System, values) : null;
        return new PlatformCapture(mapping.System, secrets, mapping.Warnings);
    }

    private async Task<(AppSnapshot Snapshot, IReadOnlyDictionary<string, string?> Config)> ReadAppAsync(string name, CancellationToken cancellationToken)
    {
        // The app first: a wrong name should fail with "not found", not with whichever list failed first.
        var appPath = $"/apps/{ApiRead.Segment(name)}";
        var app = await client.GetAsync<AppResource>(
            new ApiRead(appPath, $"app '{name}'",
                NotFound: $"Heroku app '{name}' was not found (404 Not Found): check the name; `heroku apps` lists the apps your account can see."),
            cancellationToken);

        var path = $"/apps/{ApiRead.Segment(app.Name)}";
        var formation = client.GetListAsync<FormationResource>(new ApiRead($"{path}/formation", $"the formation of app '{app.Name}'"), cancellationToken);
        var config = client.GetAsync<Dictionary<string, string?>>(
            new ApiRead($"{path}/config-vars", $"the config vars of app '{app.Name}'")
            {
                ForbiddenHint = "Reading config vars needs the app's view-config permission, and a token from `heroku authorizations:create` needs the read-protected scope.",
            },
            cancellationToken);
        var addons = client.GetListAsync<AddonResource>(new ApiRead($"{path}/addons", $"the add-ons of app '{app.Name}'"), cancellationToken);
        var attachments = client.GetListAsync<AddonAttachmentResource>(
            new ApiRead($"{path}/addon-attachments", $"the add-on attachments of app '{app.Name}'") { Headers = IncludeConfigVars },
            cancellationToken);
        var domains = client.GetListAsync<DomainResource>(new ApiRead($"{path}/domains", $"the domains of app '{app.Name}'"), cancellationToken);
        var coupling = client.GetOptionalAsync<PipelineCouplingResource>(new ApiRead($"{path}/pipeline-couplings", $"the pipeline coupling of app '{app.Name}'"), cancellationToken);
        var buildpacks = client.GetListAsync<BuildpackInstallationResource>(new ApiRead($"{path}/buildpack-installations", $"the buildpacks of app '{app.Name}'"), cancellationToken);
        var features = client.GetListAsync<AppFeatureResource>(new ApiRead($"{path}/features", $"the features of app '{app.Name}'"), cancellationToken);
        var drains = client.GetListAsync<LogDrainResource>(new ApiRead($"{path}/log-drains", $"the log drains of app '{app.Name}'"), cancellationToken);
        await Task.WhenAll(formation, config, addons, attachments, domains, coupling, buildpacks, features, drains);

        string? pipelineName = null;
        if ((await coupling)?.Pipeline?.Id is { } pipelineId)
        {
            var pipeline = await client.GetAsync<PipelineResource>(
                new ApiRead($"/pipelines/{ApiRead.Segment(pipelineId)}", $"the pipeline of app '{app.Name}'"), cancellationToken);
            pipelineName = pipeline.Name;
        }

        var values = await config;
        var snapshot = new AppSnapshot
        {
            App = app,
            Formation = await formation,
            ConfigVarNames = values.Keys.ToList(),
            SameValueAs = SameValues(values),
            Addons = await addons,
            Attachments = await attachments,
            Domains = await domains,
            Coupling = await coupling,
            PipelineName = pipelineName,
            Buildpacks = await buildpacks,
            Features = await features,
            LogDrains = await drains,
        };
        return (snapshot, values);
    }

    /// <summary>Which vars of one app share a value (see <see cref="MinimumLength"/>).</summary>
    private static Dictionary<string, IReadOnlyList<string>> SameValues(IReadOnlyDictionary<string, string?> values)
    {
        var groups = values
            .Where(v => v.Value is { Length: >= MinimumLength })
            .GroupBy(v => v.Value!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Select(v => v.Key).Order(StringComparer.Ordinal).ToList());
        var same = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var name in group)
                same[name] = group.Where(other => other != name).ToList();
        }

        return same;
    }

    /// <summary>
    /// For each var of <paramref name="app"/>, the vars of the other captured apps with the very same value, by app
    /// then var name, so a hand-set copy of another app's datastore URL is recognised (the same length rule applies).
    /// </summary>
    private static Dictionary<string, IReadOnlyList<(string App, string Var)>> SameValuesElsewhere(
        string app, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> values)
    {
        var byValue = values
            .Where(a => a.Key != app)
            .SelectMany(a => a.Value.Where(v => v.Value is { Length: >= MinimumLength }).Select(v => (Value: v.Value!, App: a.Key, Var: v.Key)))
            .ToLookup(v => v.Value, StringComparer.Ordinal);
        var same = new Dictionary<string, IReadOnlyList<(string App, string Var)>>(StringComparer.Ordinal);
        foreach (var (name, value) in values[app])
        {
            if (value is { Length: >= MinimumLength } && byValue[value].ToList() is { Count: > 0 } matches)
                same[name] = matches.Select(m => (m.App, m.Var)).OrderBy(m => m.App, StringComparer.Ordinal).ThenBy(m => m.Var, StringComparer.Ordinal).ToList();
        }

        return same;
    }
}
