namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>A rule checked on every pod template of a program.</summary>
public abstract class PodRule : IPolicyRule
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public IEnumerable<PolicyFinding> Evaluate(PolicyInput input) =>
        PodTemplate.In(input.Graph).SelectMany(pod => Check(pod, input).Select(message => Finding(pod, message)));

    /// <summary>Problems found in one pod template, one message each.</summary>
    protected abstract IEnumerable<string> Check(PodTemplate pod, PolicyInput input);

    protected virtual PolicyFinding Finding(PodTemplate pod, string message) => new(Id, pod.Location, message);
}
