using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;
using Xunit.Abstractions;

namespace HerokuToCloud.Inventory.Tests;

/// <summary>
/// Thousands of randomly broken inputs (fixed seeds): the readers may refuse them, but only with an
/// <see cref="InventoryException"/>; whatever they accept writes and re-reads to the same bytes.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int CasesPerInventory = 750;
    private const int CasesPerManifestSet = 1000;

    public static TheoryData<string> Inventories => new() { "fixture:inventory/full.yaml", "repo:stacks/emigrate/inventory.yaml", "repo:stacks/shopfront/inventory.yaml" };

    public static TheoryData<string> ManifestSets => new() { "rails", "docker", "procfile-only" };

    [Theory]
    [MemberData(nameof(Inventories))]
    public void Broken_inventories_fail_only_with_inventory_exceptions(string source)
    {
        var text = source.StartsWith("repo:", StringComparison.Ordinal)
            ? File.ReadAllText(Path.Combine(InventoryYamlReaderTests.RepositoryRoot(), source["repo:".Length..]))
            : Fixture.Text(source["fixture:".Length..]);
        var (refused, accepted) = (0, 0);
        for (var seed = 0; seed < CasesPerInventory; seed++)
        {
            var broken = TextMutator.Mutate(text, new Random(seed));
            HerokuSystem system;
            try
            {
                system = InventoryYamlReader.Read(broken, "fuzz.yaml");
            }
            catch (InventoryException ex)
            {
                Assert.Matches(@"^fuzz\.yaml:\d+:\d+: ", ex.Message);
                refused++;
                continue;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed} of {source}: {ex.GetType().Name} escaped: {ex.Message}\n--- input ---\n{broken}");
                throw;
            }

            AssertStableRoundTrip(system, seed, source);
            accepted++;
        }

        output.WriteLine($"{source}: {refused} refused, {accepted} accepted of {CasesPerInventory}");
        Assert.True(refused > CasesPerInventory / 4, "the mutations should break most inputs");
    }

    [Theory]
    [MemberData(nameof(ManifestSets))]
    public void Broken_manifests_fail_only_with_inventory_exceptions(string name)
    {
        var original = Fixture.Manifests(name);
        var files = new[] { original.AppJson, original.Procfile, original.HerokuYml }.OfType<ManifestFile>().ToArray();
        var (refused, accepted) = (0, 0);
        for (var seed = 0; seed < CasesPerManifestSet; seed++)
        {
            var random = new Random(seed);
            var target = files[random.Next(files.Length)];
            var broken = target with { Text = TextMutator.Mutate(target.Text, random) };
            var manifests = new AppManifests(
                original.AppJson == target ? broken : original.AppJson,
                original.Procfile == target ? broken : original.Procfile,
                original.HerokuYml == target ? broken : original.HerokuYml,
                original.DirectoryName);

            HerokuSystem system;
            try
            {
                system = AppManifestReader.Read(manifests);
            }
            catch (InventoryException ex)
            {
                Assert.StartsWith(target.Name + ":", ex.Message, StringComparison.Ordinal);
                refused++;
                continue;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed} of {target.Name}: {ex.GetType().Name} escaped: {ex.Message}\n--- input ---\n{broken.Text}");
                throw;
            }

            AssertStableRoundTrip(system, seed, target.Name);
            accepted++;
        }

        output.WriteLine($"{name}: {refused} refused, {accepted} accepted of {CasesPerManifestSet}");
        Assert.True(accepted > 0 && refused > 0);
    }

    private static void AssertStableRoundTrip(HerokuSystem system, int seed, string source)
    {
        string written;
        HerokuSystem reread;
        try
        {
            written = InventoryYamlWriter.Write(system);
            reread = InventoryYamlReader.Read(written, "rewritten.yaml");
        }
        catch (Exception ex)
        {
            Assert.Fail($"seed {seed} of {source}: an accepted input did not write and read back: {ex.Message}");
            throw;
        }

        Assert.True(written == InventoryYamlWriter.Write(reread), $"seed {seed} of {source}: write(read(write(x))) differs from write(x)");
    }
}
