namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Config vars reach containers from Secrets only: no ConfigMap sources, and no literal environment
/// values except the platform's own PORT. A literal value in a pod spec is readable by anyone who can
/// read the Deployment, and ends up in the generated file.
/// </summary>
public sealed class ConfigFromSecretsRule : PodRule
{
    private static readonly HashSet<string> PlatformVariables = new(StringComparer.Ordinal) { "PORT" };

    public override string Id => "K8S.configFromSecrets";

    public override string Title => "Environment comes from Secrets, never ConfigMaps or literals";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        foreach (var (kind, container) in pod.Containers())
        {
            var name = pod.Name(container);
            foreach (var source in container["envFrom"].Maps().Where(s => s["configMapRef"] is not null))
                yield return $"{kind} {name} reads environment from ConfigMap {source.At("configMapRef", "name").Text() ?? "?"}.";
            foreach (var variable in container["env"].Maps())
            {
                var variableName = variable["name"].Text() ?? "?";
                if (variable.At("valueFrom", "configMapKeyRef") is not null)
                    yield return $"{kind} {name} reads {variableName} from a ConfigMap.";
                else if (variable["value"] is not null && !PlatformVariables.Contains(variableName))
                    yield return $"{kind} {name} sets {variableName} as a literal value.";
            }
        }
    }
}
