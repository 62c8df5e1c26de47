using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>What a kustomization.yaml tells check: the files it applies, what check will not see, and the Secrets its generators write from literals.</summary>
/// <param name="Files">Its <c>resources</c>, relative to the directory.</param>
/// <param name="Notes">The features that change what is applied and that check does not apply.</param>
/// <param name="GeneratedSecrets">
/// A Secret per <c>secretGenerator</c> with <c>literals</c>, its values as stringData: the values are
/// written in the kustomization, so the Secret is checked as if it were a file.
/// </param>
internal sealed record KustomizationContents(IReadOnlyList<string> Files, IReadOnlyList<string> Notes, IReadOnlyList<Resource> GeneratedSecrets);
