using System.CommandLine;
using HerokuToCloud.Cli.Capture;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud capture`: reads a Heroku system from one source and writes it as inventory.yaml.
/// Every source is one branch that produces a <see cref="HerokuSystem"/>; renaming, writing,
/// checking and output are shared, so a new source is one more branch in <see cref="CaptureAsync"/>.
/// </summary>
internal static class CaptureCommand
{
    public static Command Create()
    {
        var appJson = new Option<string?>("--app-json") { Description = "The app's app.json." };
        var procfile = new Option<string?>("--procfile") { Description = "The app's Procfile (its process types and release phase)." };
        var herokuYml = new Option<string?>("--heroku-yml") { Description = "The app's heroku.yml, when it builds with Docker or declares setup/run." };
        var dirs = new Option<string[]>("--dir")
        {
            Description = "A folder holding one app's app.json, Procfile and/or heroku.yml; repeat it to capture several apps into one system.",
            DefaultValueFactory = _ => [],
        };
        var inventory = new Option<string?>("--inventory") { Description = "An existing inventory.yaml to check and rewrite in canonical form." };
        var name = new Option<string?>("--name") { Description = "The Heroku app name (default: app.json \"name\", else the folder's name)." };
        var system = new Option<string?>("--system") { Description = "The system's name, which becomes the Pulumi project name (default: the app's name; with --app, the pipeline's name or the apps' common prefix)." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write inventory.yaml; '-' or nothing writes to standard output." };
        var apps = new Option<string[]>("--app", "-a")
        {
            Description = "A Heroku app to read through the Platform API (token from HEROKU_API_KEY or `heroku login`); repeat it for every app of the system.",
            DefaultValueFactory = _ => [],
        };
        var apiUrl = new Option<string?>("--api-url") { Description = "The Platform API root for --app (default https://api.heroku.com)." };
        var secretsOut = new Option<string?>("--secrets-out")
        {
            Description = "Also write the config var values the new platform reads from secret config to this file (owner-only, mode 0600), for `secrets push`: with --app the apps' values on Heroku (the team's vars and those of add-ons that are not rebuilt), from manifests the defaults app.json and heroku.yml declare. Postgres and Redis URLs are never copied.",
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary (apps, counts, notes) on standard output instead of progress and text; needs -o FILE." };

        var command = new Command("capture", "Capture a Heroku system into inventory.yaml: from the Heroku Platform API (--app), from app.json/Procfile/heroku.yml, or normalise an existing inventory.")
        {
            apps, appJson, procfile, herokuYml, dirs, inventory, name, system, apiUrl, secretsOut, json, output,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var request = new CaptureRequest(
                result.GetValue(appJson), result.GetValue(procfile), result.GetValue(herokuYml), result.GetValue(dirs) ?? [],
                result.GetValue(inventory), result.GetValue(name), result.GetValue(system))
            {
                Apps = result.GetValue(apps) ?? [],
                ApiUrl = result.GetValue(apiUrl),
                SecretsOut = result.GetValue(secretsOut),
                Json = result.GetValue(json),
                Output = result.GetValue(output),
            };
            CheckOutputs(request);
            var captured = await CaptureAsync(request, cancellationToken);
            Write(captured, request);
            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed record CaptureRequest(
        string? AppJson, string? Procfile, string? HerokuYml, string[] Dirs, string? Inventory, string? Name, string? System)
    {
        public string[] Apps { get; init; } = [];

        public string? ApiUrl { get; init; }

        public string? SecretsOut { get; init; }

        public bool Json { get; init; }

        public string? Output { get; init; }

        public bool HasFiles => AppJson is not null || Procfile is not null || HerokuYml is not null;

        public bool ToStandardOutput => Output is null or "-";
    }

    /// <summary>A captured system, with what only the Platform API source produces: secret values and warnings.</summary>
    private sealed record Captured(HerokuSystem System, CapturedSecrets? Secrets = null, IReadOnlyList<string>? Warnings = null);

    /// <summary>Options that only make sense together, checked before anything is read.</summary>
    private static void CheckOutputs(CaptureRequest request)
    {
        if (request.Apps.Length == 0 && request.ApiUrl is not null)
            throw new UsageException("--api-url applies to --app (capture from the Heroku Platform API); drop it or name the apps with --app.");
        if (request.Inventory is not null && request.SecretsOut is not null)
            throw new UsageException("--secrets-out writes config var values, and an inventory holds none: capture with --app (the values on Heroku) or from the apps' manifests (the defaults they declare).");
        if (request.SecretsOut is "-")
            throw new UsageException("--secrets-out needs a file: secret values are never written to standard output.");
        if (request.SecretsOut is "" || request.Output is "")
            throw new UsageException($"{(request.Output is "" ? "-o" : "--secrets-out")} was given an empty path; name a file.");
        if (request.Json && request.ToStandardOutput)
            throw new UsageException("--json prints its summary on standard output, so write the inventory to a file with -o FILE.");
        if (!request.ToStandardOutput && Directory.Exists(request.Output))
            throw new UsageException($"-o {request.Output} is a directory; name the inventory file to write (for example {Path.Combine(request.Output!, "inventory.yaml")}).");
        if (request.SecretsOut is not { } secrets)
            return;

        var secretsPath = Path.GetFullPath(secrets);
        if (!request.ToStandardOutput && string.Equals(secretsPath, Path.GetFullPath(request.Output!), StringComparison.Ordinal))
            throw new UsageException("--secrets-out and -o name the same file; the secret values must go to a file of their own.");
        if (Inputs(request).FirstOrDefault(input => string.Equals(secretsPath, Path.GetFullPath(input), StringComparison.Ordinal)) is { } read)
            throw new UsageException($"--secrets-out {secrets} is {read}, which capture reads; the secret values must go to a file of their own.");
        if (Directory.Exists(secretsPath))
            throw new UsageException($"--secrets-out {secrets} is a directory; name the secrets file to write.");
        // A secrets file may hold values added by hand since it was written: capture never replaces one.
        if (File.Exists(secretsPath))
            throw new UsageException($"--secrets-out {secrets} already exists, and may hold values added by hand since; capture never replaces a secrets file. Move it away or delete it, or name another file.");
    }

    /// <summary>The files capture reads for a request (the manifests a --dir holds among them).</summary>
    private static IEnumerable<string> Inputs(CaptureRequest request) =>
        new[] { request.AppJson, request.Procfile, request.HerokuYml, request.Inventory }.OfType<string>()
            .Concat(request.Dirs.SelectMany(dir => AppManifests.FileNames.Select(name => Path.Combine(dir, name))));

    /// <summary>Picks the one source the options name and captures from it.</summary>
    private static async Task<Captured> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        var sources = new List<(string Options, Func<CancellationToken, Task<Captured>> Capture)>();
        if (request.Apps.Length > 0)
            sources.Add(("--app", ct => CapturePlatformApiAsync(request, ct)));
        if (request.HasFiles)
            sources.Add(("--app-json/--procfile/--heroku-yml", _ => Task.FromResult(CaptureManifests(request, [AppManifests.FromFiles(request.AppJson, request.Procfile, request.HerokuYml)]))));
        if (request.Dirs.Length > 0)
            sources.Add(("--dir", _ => Task.FromResult(CaptureManifests(request, request.Dirs.Select(AppManifests.FromDirectory).ToArray()))));
        if (request.Inventory is not null)
            sources.Add(("--inventory", _ => Task.FromResult(new Captured(InventoryYamlReader.ReadFile(request.Inventory)))));

        if (sources.Count == 0)
            throw new UsageException("capture needs a source: --app NAME (a live Heroku app, repeatable), --app-json/--procfile/--heroku-yml (an app's manifests), --dir FOLDER (one per app), or --inventory FILE (an inventory to normalise).");
        if (sources.Count > 1)
            throw new UsageException($"capture reads one source at a time, but {string.Join(" and ", sources.Select(s => s.Options))} were given; run capture once per source.");
        // The same folder twice would otherwise fail later as two apps of one name, which sends the user to app.json.
        if (request.Dirs.GroupBy(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar)).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new UsageException($"--dir {repeated.First()} is given more than once; give each app's folder once.");
        if (request.Name is not null && !request.HasFiles && request.Dirs.Length != 1)
            throw new UsageException("--name names the one app captured from manifests; with --app the names are Heroku's, with --inventory edit the file, with several --dir folders give each app.json its \"name\".");

        var captured = await sources[0].Capture(cancellationToken);
        var system = captured.System;

        // Shared by every source: --system renames the system whatever it was captured from.
        if (request.System is { } systemName && systemName != system.Name)
        {
            if (!HerokuNames.IsSystemName(systemName))
                throw new UsageException($"--system '{systemName}' is not a usable system name; use letters, digits, '-', '_' or '.', starting with a letter or digit.");
            system = system with { Name = systemName };
        }

        return captured with { System = system };
    }

    /// <summary>The Platform API source; the system is named by the shared --system handling above, so it is not passed on.</summary>
    private static async Task<Captured> CapturePlatformApiAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        var capture = await PlatformApiCapture.RunAsync(
            request.Apps, systemName: null, request.ApiUrl, includeSecretValues: request.SecretsOut is not null, quiet: request.Json, cancellationToken);
        return new Captured(capture.System, capture.Secrets, capture.Warnings);
    }

    /// <summary>The manifests source; with --secrets-out, the values the manifests declare travel beside the system.</summary>
    private static Captured CaptureManifests(CaptureRequest request, IReadOnlyList<AppManifests> manifests)
    {
        var system = manifests.Count == 1
            ? AppManifestReader.Read(manifests[0], request.Name, request.System)
            : request.System is { } systemName
                ? AppManifestReader.Read(manifests, systemName)
                : throw new UsageException("several --dir folders make one system: name it with --system.");
        // Manifests never list Scheduler jobs, and a bare add-on may have no plan heroku2cloud knows: say so on
        // this run, not as notes the inventory keeps after the team has filled the gaps.
        var warnings = system.Apps.Select(app => InventoryWarnings.MissingSchedulerJobs(system, app))
            .Concat(system.Addons.Select(InventoryWarnings.PlanToSet))
            .OfType<string>()
            .ToList();
        return new Captured(system, request.SecretsOut is null ? null : ManifestValues.Read(system, manifests), warnings);
    }

    private static void Write(Captured captured, CaptureRequest request)
    {
        var system = captured.System;
        var output = request.Output;
        var yaml = InventoryYamlWriter.Write(system);
        var target = output is null or "-" ? "standard output" : output;

        // What capture writes must be a valid inventory; if it is not, that is a bug here, not the user's input.
        try
        {
            InventoryYamlReader.Read(yaml, target);
        }
        catch (InventoryException ex)
        {
            throw new InvalidOperationException($"the captured inventory does not read back ({ex.Message})", ex);
        }

        // The secrets file first: if it cannot be written, no inventory claims a capture that lost its values.
        if (request.SecretsOut is { } secretsOut && captured.Secrets is { } secrets)
            OutputFiles.WriteFile(secretsOut, secrets.ToYaml(), ownerOnly: true);

        if (output is null or "-")
            Console.Out.Write(yaml);
        else
            OutputFiles.WriteFile(output, yaml);

        foreach (var warning in captured.Warnings ?? [])
            Console.Error.WriteLine($"warning: {warning}");
        if (request.Json)
        {
            Console.Out.Write(CaptureSummary.Json(system, target, request.SecretsOut, captured.Secrets?.Count, captured.Warnings ?? []));
            return;
        }

        if (request.SecretsOut is { } written && captured.Secrets is { } values)
            Console.Error.WriteLine(SecretsWritten(values, written));

        var processes = system.Apps.Sum(a => a.Processes.Count);
        var notes = system.Notes.Count + system.Apps.Sum(a => a.Notes.Count);
        Console.Error.WriteLine(
            $"captured {NounCount.Of(system.Apps.Count, "app")}, {NounCount.Of(processes, "process", "processes")}, {NounCount.Of(system.Addons.Count, "add-on")} and {NounCount.Of(notes, "note")} into {target}" +
            (output is null or "-" ? "." : $"; review it with: heroku2cloud inventory show {output}"));
    }

    private static string SecretsWritten(CapturedSecrets values, string file)
    {
        if (values.Origin == SecretsOrigin.PlatformApi)
        {
            return $"wrote {NounCount.Of(values.Count, "config var value")} of {NounCount.Of(values.Apps.Count, "app")} to {file} (owner-only; never commit it). " +
                   "Postgres and Redis values were left out: the new platform rebuilds them.";
        }

        var toAdd = values.Apps.Sum(a => values.WithoutValueFor(a).Count + values.ReferencesFor(a).Count);
        return $"wrote the {NounCount.Of(values.Count, "config var value")} the manifests declare to {file} (owner-only). They are defaults: compare them with `heroku config -a APP` before `heroku2cloud secrets push`" +
               (toAdd == 0 ? "." : $", and add the {NounCount.Of(toAdd, "var")} its comments list as having no value there.");
    }
}
