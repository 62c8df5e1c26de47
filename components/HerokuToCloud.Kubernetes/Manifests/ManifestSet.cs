using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Plain manifests read back from a directory: one resource per Kubernetes object, named
/// <c>Kind namespace/name (file)</c> so a policy finding points at the object and the file to edit.
/// </summary>
/// <param name="Source">Where the list of files came from: kustomization.yaml, or every YAML file in the directory.</param>
/// <param name="Files">The files read, relative to the directory.</param>
/// <param name="Notes">What the check does not see (files a kustomization leaves out, patches it applies).</param>
public sealed record ManifestSet(string Source, ResourceGraph Graph, IReadOnlyList<string> Files, IReadOnlyList<string> Notes);
