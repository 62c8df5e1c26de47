using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>A check of a whole program against one control of the Kubernetes security baseline.</summary>
public interface IPolicyRule
{
    /// <summary>Stable identifier used in reports and tests ("K8S-PSS-CAPABILITIES").</summary>
    string Id { get; }

    /// <summary>One line saying what the control requires.</summary>
    string Description { get; }

    IEnumerable<PolicyFinding> Evaluate(PolicyInput input);
}

/// <summary>What the rules inspect: the program and, when known, the values of the stack being checked.</summary>
public sealed record PolicyInput(ResourceGraph Graph, StackConfig? Stack = null);
