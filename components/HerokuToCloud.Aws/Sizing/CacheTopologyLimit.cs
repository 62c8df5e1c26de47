using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// A Valkey replication group's nodes, automatic failover and Multi-AZ depend on each other, and
/// ElastiCache refuses a combination only when <c>pulumi up</c> reaches it: one primary and at most five
/// replicas (1 to 6 nodes without cluster mode), failover needs a replica to promote (2 or more nodes),
/// and Multi-AZ needs failover. A team that scales a cache down to one node with <c>pulumi config set</c>
/// has to turn both off in the same change; this says so before the update rather than half-way through it.
/// </summary>
public sealed record CacheTopologyLimit(string NodesKey, string FailoverKey, string MultiAzKey) : IStackValueLimit
{
    /// <summary>A primary and five replicas: the most a replication group without cluster mode has.</summary>
    public const int MostNodes = 6;

    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        var nodes = StackValueText.WholeNumber(stack, NodesKey);
        if (stack.Values.ContainsKey(NodesKey) && nodes is not (>= 1 and <= MostNodes))
        {
            yield return new StackValueProblem(NodesKey,
                $"{StackValueText.Show(stack, NodesKey)} is not a node count of a replication group; use a whole number from 1 to {MostNodes} (a primary and up to five replicas).");
            yield break;
        }

        var failover = Flag(stack, FailoverKey);
        if (failover == true && nodes is < 2)
        {
            yield return new StackValueProblem(FailoverKey,
                $"true needs a replica to promote, but {NodesKey} = {nodes}: set {FailoverKey} (and {MultiAzKey}) to false, or {NodesKey} to 2 or more.");
        }

        if (Flag(stack, MultiAzKey) == true && failover == false)
            yield return new StackValueProblem(MultiAzKey, $"true needs automatic failover, but {FailoverKey} = false: set {MultiAzKey} to false, or {FailoverKey} to true.");
    }

    /// <summary>A boolean as Pulumi reads it (true, false, or those words in a string); null when unset or anything else, which the declared-type check reports.</summary>
    private static bool? Flag(StackConfig stack, string key) => stack.Values.GetValueOrDefault(key) switch
    {
        BoolValue b => b.Flag,
        StringValue { Text: "true" } => true,
        StringValue { Text: "false" } => false,
        _ => null,
    };
}
