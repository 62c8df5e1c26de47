namespace HerokuToCloud.Graph;

/// <summary>
/// One limit on stack values: the type the program declares for a key (<see cref="DeclaredTypeLimit"/>),
/// or a limit a cloud puts on them that a Pulumi config type cannot express (a count that cannot be
/// negative, a quantity Kubernetes must parse, a CPU/memory pair Fargate must offer).
/// </summary>
public interface IStackValueLimit
{
    /// <summary>What is wrong with the stack's values under this limit; a key the stack holds no value for is not checked.</summary>
    IEnumerable<StackValueProblem> Check(StackConfig stack);
}
