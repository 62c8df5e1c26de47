using HerokuToCloud.Corpus.Tests.Support;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;
using Xunit.Abstractions;

namespace HerokuToCloud.Corpus.Tests;

/// <summary>
/// Randomly mutated and truncated corpus files (fixed seeds, 100 per folder unless HEROKU2CLOUD_FUZZ_CASES
/// asks for more): capture refuses them only with an <see cref="InventoryException"/> naming the broken file,
/// and what it accepts round-trips.
/// </summary>
public class CorpusFuzzTests(ITestOutputHelper output)
{
    private static readonly int CasesPerFolder = int.Parse(Environment.GetEnvironmentVariable("HEROKU2CLOUD_FUZZ_CASES") ?? "100");

    [CorpusFact]
    public void Mutated_manifests_never_escape_as_unhandled_exceptions(string folder)
    {
        var original = CorpusCaptureTests.Manifests(folder, CorpusExpectation.For(folder).ProcfileName);
        var files = new[] { original.AppJson, original.Procfile, original.HerokuYml }.OfType<ManifestFile>().ToArray();
        var (refused, accepted) = (0, 0);
        for (var seed = 0; seed < CasesPerFolder; seed++)
        {
            // Not HashCode.Combine: it is seeded per process, so every run (and CI) broke the files differently.
            var random = new Random(seed * 7919 + folder.Length);
            var target = files[random.Next(files.Length)];
            var broken = target with { Text = TextMutator.Mutate(target.Text, random) };
            var manifests = new AppManifests(
                original.AppJson == target ? broken : original.AppJson,
                original.Procfile == target ? broken : original.Procfile,
                original.HerokuYml == target ? broken : original.HerokuYml,
                folder);

            HerokuSystem system;
            try
            {
                system = AppManifestReader.Read(manifests);
            }
            catch (InventoryException ex)
            {
                // A conflict between two files (the same attachment name in app.json and heroku.yml) is
                // reported where the second declaration is, and names the first: either way the broken file is named.
                Assert.Contains(files, f => ex.Message.StartsWith(f.Name + ":", StringComparison.Ordinal));
                Assert.True(ex.Message.Contains(target.Name, StringComparison.Ordinal), $"seed {seed} does not name {target.Name}: {ex.Message}");
                refused++;
                continue;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, {target.Name}: {ex.GetType().Name} escaped: {ex.Message}");
                throw;
            }

            var yaml = InventoryYamlWriter.Write(system);
            Assert.Equal(yaml, InventoryYamlWriter.Write(InventoryYamlReader.Read(yaml, "captured.yaml")));
            accepted++;
        }

        output.WriteLine($"{folder}: {refused} refused, {accepted} accepted of {CasesPerFolder}");
        Assert.Equal(CasesPerFolder, refused + accepted);
    }
}
