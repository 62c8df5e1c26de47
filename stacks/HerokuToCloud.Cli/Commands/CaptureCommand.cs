using System.CommandLine;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;

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
        var system = new Option<string?>("--system") { Description = "The system's name, which becomes the Pulumi project name (default: the app's name)." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write inventory.yaml; '-' or nothing writes to standard output." };

        var command = new Command("capture", "Capture a Heroku system into inventory.yaml: from app.json/Procfile/heroku.yml, or normalise an existing inventory.")
        {
            appJson, procfile, herokuYml, dirs, inventory, name, system, output,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var request = new CaptureRequest(
                result.GetValue(appJson), result.GetValue(procfile), result.GetValue(herokuYml), result.GetValue(dirs) ?? [],
                result.GetValue(inventory), result.GetValue(name), result.GetValue(system));
            var captured = await CaptureAsync(request, cancellationToken);
            Write(captured, result.GetValue(output));
            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed record CaptureRequest(
        string? AppJson, string? Procfile, string? HerokuYml, string[] Dirs, string? Inventory, string? Name, string? System)
    {
        public bool HasFiles => AppJson is not null || Procfile is not null || HerokuYml is not null;
    }

    /// <summary>Picks the one source the options name and captures from it.</summary>
    private static async Task<HerokuSystem> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        var sources = new List<(string Options, Func<CancellationToken, Task<HerokuSystem>> Capture)>();
        if (request.HasFiles)
            sources.Add(("--app-json/--procfile/--heroku-yml", _ => Task.FromResult(AppManifestReader.Read(AppManifests.FromFiles(request.AppJson, request.Procfile, request.HerokuYml), request.Name, request.System))));
        if (request.Dirs.Length > 0)
            sources.Add(("--dir", _ => Task.FromResult(CaptureDirectories(request))));
        if (request.Inventory is not null)
            sources.Add(("--inventory", _ => Task.FromResult(InventoryYamlReader.ReadFile(request.Inventory))));

        if (sources.Count == 0)
            throw new UsageException("capture needs a source: --app-json/--procfile/--heroku-yml (an app's manifests), --dir FOLDER (one per app), or --inventory FILE (an inventory to normalise).");
        if (sources.Count > 1)
            throw new UsageException($"capture reads one source at a time, but {string.Join(" and ", sources.Select(s => s.Options))} were given; run capture once per source.");
        if (request.Name is not null && !request.HasFiles && request.Dirs.Length != 1)
            throw new UsageException("--name names the one app captured from manifests; with --inventory edit the file, with several --dir folders give each app.json its \"name\".");

        var system = await sources[0].Capture(cancellationToken);

        // Shared by every source: --system renames the system whatever it was captured from.
        if (request.System is { } systemName && systemName != system.Name)
        {
            if (!HerokuNames.IsSystemName(systemName))
                throw new UsageException($"--system '{systemName}' is not a usable system name; use letters, digits, '-', '_' or '.', starting with a letter or digit.");
            system = system with { Name = systemName };
        }

        return system;
    }

    private static HerokuSystem CaptureDirectories(CaptureRequest request)
    {
        var manifests = request.Dirs.Select(AppManifests.FromDirectory).ToArray();
        if (manifests.Length == 1)
            return AppManifestReader.Read(manifests[0], request.Name, request.System);
        return request.System is { } systemName
            ? AppManifestReader.Read(manifests, systemName)
            : throw new UsageException("several --dir folders make one system: name it with --system.");
    }

    private static void Write(HerokuSystem system, string? output)
    {
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

        if (output is null or "-")
            Console.Out.Write(yaml);
        else
            OutputFiles.WriteFile(output, yaml);

        var processes = system.Apps.Sum(a => a.Processes.Count);
        var notes = system.Notes.Count + system.Apps.Sum(a => a.Notes.Count);
        Console.Error.WriteLine(
            $"captured {Count(system.Apps.Count, "app")}, {Count(processes, "process", "processes")}, {Count(system.Addons.Count, "add-on")} and {Count(notes, "note")} into {target}" +
            (output is null or "-" ? "." : $"; review it with: heroku2cloud inventory show {output}"));
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
