namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// The files of one generated Pulumi program, relative path → content: <c>Pulumi.yaml</c> and one
/// <c>Pulumi.&lt;stack&gt;.yaml</c> per stack. The generate verb hands <see cref="Files"/> to its atomic
/// directory writer; tests compare it with golden files. Everything is produced by
/// <see cref="PulumiYamlWriter"/>, so a graph that cannot run never becomes files.
/// </summary>
public sealed class ProgramFiles
{
    private ProgramFiles(IReadOnlyDictionary<string, string> files) => Files = files;

    /// <summary>Relative path → content, ordered by path.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public static ProgramFiles Create(ResourceGraph graph, params IEnumerable<StackConfig> stacks)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PulumiYamlWriter.ProgramFileName] = PulumiYamlWriter.Write(graph),
        };
        foreach (var stack in stacks)
        {
            var name = PulumiYamlWriter.StackFileName(stack.Stack);
            if (!files.TryAdd(name, PulumiYamlWriter.WriteStack(graph, stack)))
                throw new ResourceGraphException($"Stack {stack.Stack} is given twice.");
        }

        return new ProgramFiles(files);
    }
}
