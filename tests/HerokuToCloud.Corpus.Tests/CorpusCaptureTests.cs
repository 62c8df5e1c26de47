using HerokuToCloud.Corpus.Tests.Support;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using Xunit.Abstractions;

namespace HerokuToCloud.Corpus.Tests;

/// <summary>Every real manifest in the corpus captures, and what it captures is what its files say.</summary>
public class CorpusCaptureTests(ITestOutputHelper output)
{
    internal static AppManifests Manifests(string folder, string? procfileName)
    {
        ManifestFile? Load(string file) =>
            File.Exists(CorpusFolders.PathOf(folder, file)) ? new ManifestFile($"{folder}/{file}", File.ReadAllText(CorpusFolders.PathOf(folder, file))) : null;
        return new AppManifests(Load("app.json"), procfileName is null ? null : Load(procfileName), Load("heroku.yml"), folder);
    }

    [CorpusFact]
    public void Captures_processes_formation_and_addons_as_the_files_say(string folder)
    {
        var expected = CorpusExpectation.For(folder);

        var system = AppManifestReader.Read(Manifests(folder, expected.ProcfileName));

        var app = Assert.Single(system.Apps);
        Assert.Equal(expected.Processes, app.Processes.Select(p => $"{p.Type}|{p.Command}|{p.Size}|{p.Quantity}"));
        Assert.Equal(expected.ReleaseCommand, app.Release?.Command);
        Assert.Equal(expected.Addons, system.Addons.Select(a => $"{a.Service}:{a.Plan}@{a.Attachments.Single().Name}").Order(StringComparer.Ordinal));
        output.WriteLine($"{folder}: {app.Processes.Count} processes, {system.Addons.Count} add-ons, {app.Config.Count} config vars, {app.Notes.Count} notes");
    }

    [CorpusFact]
    public void The_inventory_holds_no_config_var_value_and_round_trips(string folder)
    {
        var expected = CorpusExpectation.For(folder);
        var system = AppManifestReader.Read(Manifests(folder, expected.ProcfileName));

        var yaml = InventoryYamlWriter.Write(system);

        // Short values ("true", "1", "production") also occur as ordinary words; anything longer must not appear.
        foreach (var value in expected.EnvValues.Where(v => v.Length >= 8))
            Assert.DoesNotContain(value, yaml, StringComparison.Ordinal);
        Assert.Equal(yaml, InventoryYamlWriter.Write(InventoryYamlReader.Read(yaml, "captured.yaml")));
        Assert.All(system.Addons.SelectMany(a => a.Attachments).SelectMany(a => a.ConfigVars),
            v => Assert.Contains(system.Apps[0].Config, c => c.Name == v && c.Kind == ConfigVarKind.Addon));
    }
}
