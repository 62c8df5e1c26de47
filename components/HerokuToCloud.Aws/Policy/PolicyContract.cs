using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// One control of the security baseline, checked against a generated program. The check verb runs
/// every rule of every pack; a rule only reports, it never changes the program.
/// </summary>
public interface IPolicyRule
{
    /// <summary>The control id: Security Hub's where one exists ("ECS.2"), else a descriptive one ("IAM.LeastPrivilege").</summary>
    string Id { get; }

    /// <summary>What the control demands, in one line.</summary>
    string Title { get; }

    IEnumerable<PolicyFinding> Evaluate(PolicyInput input);
}

/// <summary>A program and the stack config files next to it (values of config keys, per stack).</summary>
public sealed record PolicyInput(ResourceGraph Program, IReadOnlyList<StackConfig> Stacks);

/// <summary>What a rule found about one resource.</summary>
/// <param name="Outcome">A violation fails the check; an opt-out is a deliberate, documented exception that is listed but passes.</param>
public sealed record PolicyFinding(string RuleId, string Resource, string Message, PolicyOutcome Outcome = PolicyOutcome.Violation);

public enum PolicyOutcome
{
    Violation,
    OptOut,
}
