namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Plain manifests ready to write, with where the stack's values went: what a summary needs to tell a
/// kubectl or GitOps user what to edit, in place of the <c>pulumi config set</c> a Pulumi user runs.
/// </summary>
/// <param name="Files">File name → content: the objects, kustomization.yaml, create-secrets.sh and README.md.</param>
/// <param name="ConfigFiles">Non-secret config key → the files its value was written into.</param>
/// <param name="Variables">The environment variables create-secrets.sh requires, in its order.</param>
public sealed record ManifestFiles(
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ConfigFiles,
    IReadOnlyList<ManifestVariable> Variables);

/// <summary>An environment variable create-secrets.sh reads, and what value it holds.</summary>
/// <param name="Optional">
/// The app runs without it (app.json <c>required: false</c>): create-secrets.sh sets it empty when it is not
/// exported instead of refusing to run, so whoever exports the variables needs to know which ones they may skip.
/// </param>
public sealed record ManifestVariable(string Name, string Description, bool Optional = false);
