namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Decides an app's processes from its manifests: heroku.yml's run section or Docker build when it
/// has one (Heroku then ignores the Procfile), else the Procfile; then applies app.json's formation.
/// </summary>
internal static class ManifestProcesses
{
    public sealed record Result(IReadOnlyList<Process> Processes, ReleasePhase? Release, IReadOnlyDictionary<string, string> Dockerfiles);

    public static Result Decide(AppManifests files, AppJsonManifest? appJson, ProcfileManifest? procfile, HerokuYmlManifest? yml, List<string> notes)
    {
        var declared = new List<(string Type, string? Command)>();
        string? release = null;
        var dockerfiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string source;

        if (yml is { DefinesProcesses: true })
        {
            source = files.HerokuYml!.Name;
            if (files.Procfile is not null)
                notes.Add($"{files.Procfile.Name} is not used: {source} defines the processes, and Heroku runs heroku.yml's instead of the Procfile's.");
            foreach (var (type, path) in yml.Dockerfiles)
                dockerfiles[type] = path;

            if (yml.Run.Count > 0)
            {
                foreach (var run in yml.Run)
                {
                    if (run.Type == "release")
                    {
                        release ??= run.Command;
                        continue;
                    }

                    declared.Add((run.Type, run.Command));
                    if (run.Image is not { } image || dockerfiles.ContainsKey(run.Type))
                        continue;
                    if (dockerfiles.TryGetValue(image, out var dockerfile))
                        dockerfiles[run.Type] = dockerfile;
                    else
                        notes.Add($"{source} runs {run.Type} with the image of '{image}', which build.docker does not build.");
                }
            }
            else
            {
                declared.AddRange(yml.Dockerfiles.Select(d => (d.Key, (string?)null)));
            }

            release = yml.ReleaseCommand ?? release;
        }
        else if (procfile is not null)
        {
            source = files.Procfile!.Name;
            declared.AddRange(procfile.Processes.Select(p => (p.Type, (string?)p.Command)));
            release = procfile.Release?.Command;
        }
        else
        {
            source = "Procfile";
            notes.Add("No Procfile was given, so the app has no processes; Heroku would start the buildpack's default web process. Capture again with the Procfile, or add the processes to the inventory.");
        }

        var formation = appJson?.Formation ?? [];
        var formationFile = files.AppJson?.Name ?? "app.json";
        var processes = new List<Process>();
        foreach (var (type, command) in declared)
        {
            var entry = formation.FirstOrDefault(f => f.Type == type);
            var size = entry?.Size ?? DynoSizes.Default;
            NoteLegacySpelling(entry, formationFile, notes);
            var quantity = entry?.Quantity ?? Process.DefaultQuantity(type);
            if (entry?.Quantity is null && quantity == 0)
            {
                var why = files.AppJson is null ? "no app.json formation says how many" : entry is null ? $"{formationFile} has no formation for it" : $"{formationFile} formation gives no quantity";
                notes.Add($"{type}: quantity 0, as Heroku gives a process type that was never scaled ({why}); if it runs on Heroku (heroku ps), set its quantity.");
            }

            processes.Add(new Process { Type = type, Command = command, Size = size, Quantity = quantity });
        }

        var releaseEntry = formation.FirstOrDefault(f => f.Type == "release");
        NoteLegacySpelling(releaseEntry, formationFile, notes);
        foreach (var entry in formation.Where(f => f.Type != "release" && declared.All(d => d.Type != f.Type)))
            notes.Add($"{formationFile} formation sets {entry.Type} (line {entry.Where.Line}), but no process in {source} has that type; it is ignored.");

        return new Result(
            processes,
            release is null ? null : new ReleasePhase(release, releaseEntry?.Size ?? DynoSizes.Default),
            dockerfiles);
    }

    private static void NoteLegacySpelling(FormationDeclaration? entry, string file, List<string> notes)
    {
        if (entry is { SizeAsWritten: { } written, Size: { } size } && !string.Equals(written.Trim(), size, StringComparison.OrdinalIgnoreCase))
            notes.Add($"{file} sizes {entry.Type} as '{written}', Heroku's older name for {size}; recorded as {size}.");
    }
}
