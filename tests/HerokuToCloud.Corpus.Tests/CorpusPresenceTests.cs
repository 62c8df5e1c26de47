using HerokuToCloud.Corpus.Tests.Support;
using Xunit.Abstractions;

namespace HerokuToCloud.Corpus.Tests;

public class CorpusPresenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Says_where_the_corpus_is_or_that_it_is_absent()
    {
        if (!CorpusFolders.IsPresent)
        {
            output.WriteLine($"The corpus is absent: nothing at {CorpusFolders.Location}. Set HEROKU2CLOUD_CORPUS to a folder of Heroku manifests to run the corpus cases; none ran.");
            Assert.Empty(CorpusFolders.Folders());
            return;
        }

        var folders = CorpusFolders.Folders();
        output.WriteLine($"Corpus at {CorpusFolders.Location}: {folders.Count} app folders.");
        Assert.NotEmpty(folders);
        Assert.All(folders, folder => Assert.True(
            File.Exists(CorpusFolders.PathOf(folder, "app.json")) || File.Exists(CorpusFolders.PathOf(folder, "Procfile")),
            $"{folder} has neither app.json nor Procfile"));
    }
}
