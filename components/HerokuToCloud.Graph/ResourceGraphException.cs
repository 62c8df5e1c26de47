namespace HerokuToCloud.Graph;

/// <summary>
/// A resource graph that cannot become a working Pulumi program (a dangling reference, a plaintext secret,
/// an unpinned provider, a cycle). It is a bug in the component that built the graph, so the message names
/// every problem with the resource and property it concerns.
/// </summary>
public sealed class ResourceGraphException(string message) : InvalidOperationException(message)
{
    public static ResourceGraphException From(string project, IReadOnlyList<string> problems) =>
        new($"The resource graph of {project} cannot be written as a Pulumi program:{Environment.NewLine}  - "
            + string.Join(Environment.NewLine + "  - ", problems));
}
