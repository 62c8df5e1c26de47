using System.Globalization;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Cli.Output;

/// <summary>
/// What `inventory show` tells about a system, computed once and rendered three ways (terminal
/// tables, plain text, JSON). It carries names and counts only: an inventory has no values to show.
/// </summary>
internal sealed record InventorySummary(
    string System,
    IReadOnlyList<string> Sources,
    IReadOnlyList<AppSummary> Apps,
    IReadOnlyList<AddonSummary> Addons,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings)
{
    public static InventorySummary Of(HerokuSystem system) => new(
        system.Name,
        system.Sources,
        system.Apps.Select(app => AppSummary.Of(app, system)).ToArray(),
        system.Addons.Select(AddonSummary.Of).ToArray(),
        system.Notes,
        InventoryWarnings.For(system));
}

internal sealed record AppSummary(
    string Name,
    string? Region,
    string? Stack,
    string? Pipeline,
    string? Stage,
    string Build,
    IReadOnlyList<string> Features,
    IReadOnlyList<ProcessSummary> Processes,
    ProcessSummary? Release,
    string? PostDeploy,
    ConfigSummary Config,
    IReadOnlyList<JobSummary> Scheduler,
    IReadOnlyList<string> Addons,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> LogDrains,
    IReadOnlyList<string> Notes)
{
    public static AppSummary Of(HerokuApp app, HerokuSystem system) => new(
        app.Name,
        app.Region,
        app.Stack,
        app.Pipeline?.Pipeline,
        app.Pipeline?.Stage.ToString().ToLowerInvariant(),
        app.Build.IsDocker
            ? "docker: " + string.Join(", ", app.Build.Dockerfiles.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} from {d.Value}"))
            : app.Build.Buildpacks.Count > 0 ? "buildpacks: " + string.Join(", ", app.Build.Buildpacks) : "buildpacks: detected by Heroku",
        app.Features,
        app.Processes.Select(p => new ProcessSummary(
            p.Type, p.Command, p.Size, p.Quantity,
            p.Autoscaling is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a.Min}-{a.Max}{(a.P95ResponseTimeMs is { } ms ? $", p95 {ms} ms" : "")}") : null)).ToArray(),
        app.Release is { } r ? new ProcessSummary("release", r.Command, r.Size, 1, null) : null,
        app.PostDeploy,
        ConfigSummary.Of(system, app),
        app.Scheduler.Select(j => new JobSummary(j.Name, j.Frequency.ToString(), j.Command, j.Size)).ToArray(),
        system.Addons.Where(a => a.Attachments.Any(t => t.App == app.Name)).Select(a => a.Name).ToArray(),
        app.Domains.Select(d => d.Hostname).ToArray(),
        app.LogDrains,
        app.Notes);
}

internal sealed record ProcessSummary(string Type, string? Command, string Size, int Quantity, string? Autoscaling);

internal sealed record JobSummary(string Name, string Frequency, string Command, string Size);

internal sealed record ConfigSummary(
    int Team,
    int Generated,
    int FromAddons,
    int Runtime,
    IReadOnlyList<string> BuildTime,
    IReadOnlyList<string> NeedValues,
    IReadOnlyList<ConfigVarSummary> Vars)
{
    public static ConfigSummary Of(HerokuSystem system, HerokuApp app) => Of(app.Config, SecretConfigVars.ToSupply(system, app));

    private static ConfigSummary Of(IReadOnlyList<ConfigVar> config, IReadOnlyList<string> toSupply) => new(
        config.Count(c => c.Kind == ConfigVarKind.Team),
        config.Count(c => c.Value == ConfigValueSource.Generated),
        config.Count(c => c.Kind == ConfigVarKind.Addon),
        config.Count(c => c.Kind == ConfigVarKind.Runtime),
        config.Where(c => c.BuildTime).Select(c => c.Name).ToArray(),
        // What secrets push asks for: team vars and kept add-ons' vars; build-time vars are build secrets of
        // the image build, and a var naming a datastore URL is built from the new datastore (SecretConfigVars).
        toSupply,
        config.Select(c => new ConfigVarSummary(
            c.Name,
            c.Kind.ToString().ToLowerInvariant(),
            c.Addon,
            c.Value switch { ConfigValueSource.SecretConfig => "secret-config", ConfigValueSource.Generated => "generated", ConfigValueSource.Addon => "addon", _ => "platform" },
            c.BuildTime,
            c.Required)).ToArray());
}

internal sealed record ConfigVarSummary(string Name, string Kind, string? Addon, string Source, bool BuildTime, bool Required);

internal sealed record AddonSummary(string Name, string Service, string Plan, IReadOnlyDictionary<string, string> Options, IReadOnlyList<AttachmentSummary> UsedBy)
{
    public static AddonSummary Of(Addon addon) => new(
        addon.Name,
        addon.Service,
        addon.Plan,
        new SortedDictionary<string, string>(addon.Options.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
        addon.Attachments.Select(a => new AttachmentSummary(a.App, a.Name, a.ConfigVars)).ToArray());

    public string PlanText => Options.Count == 0
        ? $"{Service}:{Plan}"
        : $"{Service}:{Plan} ({string.Join(", ", Options.Select(o => $"{o.Key}={o.Value}"))})";
}

internal sealed record AttachmentSummary(string App, string Name, IReadOnlyList<string> ConfigVars)
{
    public override string ToString() =>
        $"{App} as {Name}{(ConfigVars.Count == 0 ? "" : $" ({string.Join(", ", ConfigVars)})")}";
}
