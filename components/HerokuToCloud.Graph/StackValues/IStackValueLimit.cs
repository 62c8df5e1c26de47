namespace HerokuToCloud.Graph;

/// <summary>
/// One limit a cloud puts on stack values that a Pulumi config type cannot express (a count that
/// cannot be negative, a quantity Kubernetes must parse, a CPU/memory pair Fargate must offer).
/// </summary>
public interface IStackValueLimit
{
    /// <summary>What is wrong with the stack's values under this limit; a key the stack holds no value for is not checked.</summary>
    IEnumerable<StackValueProblem> Check(StackConfig stack);
}
