using HerokuToCloud.Graph.Conformance;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Graph.Tests.Infrastructure;
using HerokuToCloud.Graph.Tests.Samples;

namespace HerokuToCloud.Graph.Tests.Conformance;

/// <summary>
/// Every program the conformance tests look at, checked in ONE tsc run (loading the AWS typings is what
/// costs time): the samples that must pass, one program per kind of mistake that must fail, and sixty
/// small programs for the timing the project reports.
/// </summary>
public sealed class ConformanceRun : IAsyncLifetime
{
    public const int TimingPrograms = 60;

    /// <summary>Set HEROKU2CLOUD_CONFORMANCE_WORKSPACE to a directory to keep the generated TypeScript for inspection.</summary>
    public ConformanceRunner Runner { get; } = new(RepositoryRoot.ConformanceNodeModules())
    {
        WorkspaceDirectory = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CONFORMANCE_WORKSPACE") is { Length: > 0 } kept ? kept : null,
    };

    public ConformanceReport Report { get; private set; } = null!;

    public Dictionary<string, string> Programs { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Add("aws", AwsSample.Create());
        Add("kubernetes", KubernetesSample.Create());
        foreach (var (name, graph) in BrokenPrograms.All())
            Add(name, graph);
        Programs["unreadable"] = "name: broken\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    properties:\n      bucket: ${nothing.id}\n";
        for (var i = 1; i <= TimingPrograms; i++)
        {
            var name = $"timing-{i:D2}";
            Add(name, i % 3 == 0 ? KubernetesSample.Create(name) : AwsSample.Create(name));
        }

        Report = await Runner.CheckAsync(Programs);
    }

    private void Add(string name, ResourceGraph graph) => Programs[name] = PulumiYamlWriter.Write(graph);

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceRun>
{
    public const string Name = "conformance";
}
