using Xunit.Abstractions;
using Xunit.Sdk;

namespace HerokuToCloud.Corpus.Tests.Support;

/// <summary>
/// A test that runs once per corpus folder, with the folder's name as its argument. The cases come
/// from the directory itself, so an absent corpus means zero cases (xunit's theories would instead
/// fail with "no data").
/// </summary>
[XunitTestCaseDiscoverer("HerokuToCloud.Corpus.Tests.Support.CorpusCaseDiscoverer", "HerokuToCloud.Corpus.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute;

/// <summary>Creates one test case per corpus folder.</summary>
public sealed class CorpusCaseDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        CorpusFolders.Folders().Select(folder => new XunitTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            [folder]));
}
