using System.Text.RegularExpressions;
using HerokuToCloud.Inventory.Readers.InventoryYaml;

namespace HerokuToCloud.Inventory.Tests;

/// <summary>docs/inventory-format.md stays true: its example reads, and every key the writer emits is documented.</summary>
public partial class DocumentationTests
{
    private static string FormatDoc => File.ReadAllText(Path.Combine(InventoryYamlReaderTests.RepositoryRoot(), "docs", "inventory-format.md"));

    [Fact]
    public void The_documented_example_is_a_valid_inventory()
    {
        var example = YamlBlock().Match(FormatDoc).Groups["yaml"].Value;

        var system = InventoryYamlReader.Read(example, "docs/inventory-format.md");

        Assert.Equal("tea-shop", system.Name);
        var app = system.Apps.Single();
        Assert.NotNull(app.Processes[0].Autoscaling);
        Assert.NotNull(app.Pipeline);
        Assert.Equal(["nightly-report", "expire-carts"], app.Scheduler.Select(j => j.Name));
        Assert.Equal("carts-expire", ScheduledJobNames.FromCommand(app.Scheduler[1].Command, new HashSet<string>())); // the derivation the table promises
    }

    [Fact]
    public void Every_key_the_writer_emits_is_documented()
    {
        var yaml = InventoryYamlWriter.Write(InventoryYamlWriterTests.Sample());
        // Map entries (Dockerfiles by process type) are data, not keys of the format.
        var keys = Regex.Matches(yaml, @"^\s*(?:- )?(?<key>[A-Za-z0-9]+):(?: |$)", RegexOptions.Multiline)
            .Select(m => m.Groups["key"].Value)
            .Where(k => k is not ("web" or "worker"))
            .Distinct()
            .ToArray();
        Assert.Contains("p95ResponseTimeMs", keys);

        var doc = FormatDoc;
        Assert.All(keys, key => Assert.True(
            doc.Contains($"`{key}`", StringComparison.Ordinal) || doc.Contains($".{key}`", StringComparison.Ordinal) || doc.Contains($"`{key}.", StringComparison.Ordinal),
            $"the key '{key}' is not documented in docs/inventory-format.md"));
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
