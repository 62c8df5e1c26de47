using System.Globalization;
using System.Text;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Writes a Kubernetes program as plain manifests for teams that apply with kubectl or a GitOps
/// controller: one file per object, named &lt;order&gt;-&lt;kind&gt;-&lt;name&gt;.yaml so a directory listing is the
/// apply order, a kustomization.yaml over them, a create-secrets.sh and a README.
/// What only Pulumi can produce is handled openly, never by writing a value: Secrets are not written
/// as manifests at all (their values are secret config, random passwords and URLs built from them);
/// create-secrets.sh creates them from environment variables the team exports, so nothing secret
/// lands in the directory; the README lists the values the team should review (images, hostnames).
/// Pulumi's ordering becomes Argo CD sync waves (and a hook that reruns the release Job on
/// every sync); Pulumi-only annotations are dropped.
/// </summary>
public static class KubernetesManifests
{
    public const string SecretsScript = "create-secrets.sh";
    public const string Kustomization = "kustomization.yaml";
    public const string Readme = "README.md";

    private const string WaveAnnotation = "argocd.argoproj.io/sync-wave";

    /// <param name="review">Values the team should check before applying (images, hostnames), listed in the README.</param>
    /// <param name="optionalSecrets">Secret config keys the stack's apps run without (app.json required: false): create-secrets.sh leaves them empty when unset.</param>
    public static IReadOnlyDictionary<string, string> Render(
        ResourceGraph graph, StackConfig stack, IEnumerable<RequiredSetting>? review = null, IReadOnlySet<string>? optionalSecrets = null) =>
        Prepare(graph, stack, review, optionalSecrets).Files;

    /// <summary>The environment variable create-secrets.sh reads for a secret config key (shopWebStripeApiKey → SHOP_WEB_STRIPE_API_KEY).</summary>
    public static string Variable(string configKey) => ManifestResolver.EnvironmentName(configKey);

    /// <summary>The files, and where each stack value went: what a summary needs to tell a kubectl user what to edit.</summary>
    /// <param name="optionalSecrets">Secret config keys the stack's apps run without (app.json required: false): create-secrets.sh leaves them empty when unset.</param>
    public static ManifestFiles Prepare(
        ResourceGraph graph, StackConfig stack, IEnumerable<RequiredSetting>? review = null, IReadOnlySet<string>? optionalSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stack);
        var resolver = new ManifestResolver(graph, stack);
        var objects = new List<ManifestObject>();
        var secrets = new List<SecretToCreate>();

        foreach (var resource in graph.Resources)
        {
            resolver.Resource = resource.Name;
            if (resource.Type == KubernetesTypes.RandomPassword)
                continue;
            if (resource.Type == KubernetesTypes.Secret)
            {
                secrets.Add(Secret(resolver, resource));
                continue;
            }

            if (resource.Type == KubernetesTypes.ConfigGroup)
            {
                if (resource.Properties["objs"] is { } objsValue)
                {
                    if (resolver.Resolve(objsValue, resource.Name) is not SequenceValue objs)
                        throw new ManifestRenderException($"{resource.Name}: its objects are only known to Pulumi.");
                    objects.AddRange(objs.Items.OfType<MappingValue>().Select(o => ManifestObject.From(resource.Name, o)));
                }

                if (resource.Properties["yaml"] is { } yamlValue)
                {
                    if (resolver.Resolve(yamlValue, resource.Name) is not ScalarText yaml)
                        throw new ManifestRenderException($"{resource.Name}: its YAML is only known to Pulumi.");
                    objects.AddRange(ManifestYaml.Read(yaml.Text, resource.Name).Select(o => ManifestObject.From(resource.Name, o)));
                }

                continue;
            }

            if (KubernetesTypes.ApiVersionAndKind(resource.Type) is not var (apiVersion, kind))
                throw new ManifestRenderException($"{resource.Name} ({resource.Type}) has no plain-Kubernetes form; use the Pulumi format for this program.");
            var body = (MappingValue)resolver.Resolve(resource.Properties, resource.Name);
            var entries = new List<KeyValuePair<string, ManifestValue>>
            {
                new("apiVersion", new ScalarText(apiVersion)),
                new("kind", new ScalarText(kind)),
            };
            entries.AddRange(body.Entries.Select(e => e.Key == "metadata" ? new(e.Key, WithName(e.Value, resolver.ObjectName(resource))) : e));
            objects.Add(ManifestObject.From(resource.Name, new MappingValue(entries)));
        }

        resolver.Resource = null;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var filesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var manifest in objects)
        {
            var finished = Finish(manifest);
            var file = $"{manifest.Order:00}-{manifest.Kind.ToLowerInvariant()}-{manifest.Name}.yaml";
            if (!files.TryAdd(file, ManifestYaml.Write(finished)))
                throw new ManifestRenderException($"Two objects would both be written to {file}.");
            if (!filesOf.TryGetValue(manifest.Resource, out var list))
                filesOf[manifest.Resource] = list = [];
            list.Add(file);
        }

        var configFiles = resolver.Uses.ToDictionary(
            u => u.Key,
            u => (IReadOnlyList<string>)[.. u.Value.SelectMany(r => filesOf.GetValueOrDefault(r) ?? []).Distinct().Order(StringComparer.Ordinal)],
            StringComparer.Ordinal);

        var namespaceFile = files.Keys.FirstOrDefault(f => f.StartsWith("00-namespace-", StringComparison.Ordinal));
        files[Kustomization] = ManifestYaml.Write(KustomizationFile(files.Keys.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) && f != Kustomization)));
        var optional = (optionalSecrets ?? new HashSet<string>()).Select(Variable).ToHashSet(StringComparer.Ordinal);
        files[SecretsScript] = SecretsScriptText(graph.Project, stack.Stack, secrets, optional, namespaceFile);
        var toReview = (review ?? []).Where(r => !r.Secret)
            .Select(r => (r.Key, Value: stack.Values.TryGetValue(r.Key, out var v) ? Describe(resolver.Resolve(v, r.Key)) : "(unset)", r.Description))
            .ToList();
        files[Readme] = ReadmeText(graph.Project, stack.Stack, secrets, optional, toReview);
        return new ManifestFiles(files, configFiles, [.. Inputs(secrets).Select(i => new ManifestVariable(i.Variable, i.Description, optional.Contains(i.Variable)))]);
    }

    private static ManifestValue WithName(ManifestValue metadata, string name)
    {
        var entries = ((MappingValue)metadata).Entries.ToList();
        if (!entries.Exists(e => e.Key == "name"))
            entries.Insert(0, new("name", new ScalarText(name)));
        return new MappingValue(entries);
    }

    /// <summary>Drops Pulumi-only annotations and adds the sync wave; a value only Pulumi can provide is refused.</summary>
    private static MappingValue Finish(ManifestObject manifest)
    {
        var wave = new KeyValuePair<string, ManifestValue>(WaveAnnotation, new ScalarText(manifest.Order.ToString(CultureInfo.InvariantCulture)));
        var hook = manifest.IsRelease
            ? new[]
            {
                new KeyValuePair<string, ManifestValue>("argocd.argoproj.io/hook", new ScalarText("Sync")),
                new KeyValuePair<string, ManifestValue>("argocd.argoproj.io/hook-delete-policy", new ScalarText("BeforeHookCreation")),
            }
            : [];

        ManifestValue Walk(ManifestValue value, string path) => value switch
        {
            MappingValue map => new MappingValue(map.Entries.Select(e => new KeyValuePair<string, ManifestValue>(e.Key, Walk(e.Value, $"{path}.{e.Key}"))).ToList()),
            SequenceValue list => new SequenceValue(list.Items.Select((item, i) => Walk(item, $"{path}[{i}]")).ToList()),
            Deferred => throw new ManifestRenderException($"{manifest.Resource}: {path.TrimStart('.')} needs a value only Pulumi can provide (secret config or a generated password) outside a Secret."),
            _ => value,
        };

        var walked = (MappingValue)Walk(manifest.Body, "");
        var entries = walked.Entries.Select(e => e.Key != "metadata" ? e : new(e.Key, Annotate((MappingValue)e.Value, [wave, .. hook]))).ToList();
        return new MappingValue(entries);
    }

    private static ManifestValue Annotate(MappingValue metadata, KeyValuePair<string, ManifestValue>[] added)
    {
        var existing = metadata["annotations"] as MappingValue;
        var annotations = (existing?.Entries ?? [])
            .Where(a => !a.Key.StartsWith("pulumi.com/", StringComparison.Ordinal))
            .Concat(added)
            .ToList();
        var entries = metadata.Entries.Where(e => e.Key != "annotations").ToList();
        entries.Add(new("annotations", new MappingValue(annotations)));
        return new MappingValue(entries);
    }

    private static SecretToCreate Secret(ManifestResolver resolver, Resource resource)
    {
        var metadata = (MappingValue)resolver.Resolve(resource.Properties["metadata"] ?? new MapValue(), resource.Name);
        var ns = metadata["namespace"] is ScalarText text ? text.Text : throw new ManifestRenderException($"{resource.Name}: its namespace is only known to Pulumi.");
        var type = resource.Properties["type"] is StringValue t ? t.Text : "Opaque";
        var data = resource.Properties["stringData"] as MapValue ?? [];
        var values = data.Select(e => new KeyValuePair<string, ManifestValue>(e.Key, resolver.Resolve(e.Value, $"{resource.Name}.stringData.{e.Key}"))).ToList();
        var labels = metadata["labels"] as MappingValue;
        return new SecretToCreate(resolver.ObjectName(resource), ns, type, values, labels);
    }

    private static MappingValue KustomizationFile(IEnumerable<string> resources) => new(
    [
        new("apiVersion", new ScalarText("kustomize.config.k8s.io/v1beta1")),
        new("kind", new ScalarText("Kustomization")),
        new("resources", new SequenceValue(resources.Select(r => (ManifestValue)new ScalarText(r)).ToList())),
    ]);

    private static string Describe(ManifestValue value) => value switch
    {
        ScalarText text => text.Text,
        ScalarNumber number => number.Number.ToString(CultureInfo.InvariantCulture),
        ScalarBool flag => flag.Flag ? "true" : "false",
        SequenceValue list => string.Join(", ", list.Items.Select(Describe)),
        _ => "",
    };

    /// <summary>
    /// The script that creates the Secrets. It checks every required variable before creating anything
    /// and names all that are missing at once; an optional one (<paramref name="optional"/>) that is not
    /// exported is set empty with a note, as `secrets push` gives such a key an empty value on the Pulumi
    /// path. Messages name variables only, never a value.
    /// </summary>
    private static string SecretsScriptText(
        string project, string stackName, IReadOnlyList<SecretToCreate> secrets, IReadOnlySet<string> optional, string? namespaceFile)
    {
        var script = new StringBuilder();
        script.Append("#!/usr/bin/env bash\n");
        script.Append(CultureInfo.InvariantCulture, $"# Creates (or updates) the Secrets of {project}, stack {stackName}. Generated by heroku2cloud.\n");
        script.Append("# No secret value is stored in this directory: export each variable below first\n");
        script.Append("# (from your secret manager, `heroku config:get NAME -a APP`, or `openssl rand -hex 32` for new random values),\n");
        script.Append("# then run this script. See README.md.\n");
        script.Append("set -euo pipefail\n");
        script.Append("cd \"$(dirname \"$0\")\"\n\n");
        var inputs = Inputs(secrets).ToList();
        var required = inputs.Where(i => !optional.Contains(i.Variable)).ToList();
        if (required.Count > 0)
        {
            script.Append("# Required: nothing is created until every one of these is exported (and not empty).\n");
            script.Append("missing=()\n");
            foreach (var input in required)
                script.Append(CultureInfo.InvariantCulture, $"[ -n \"${{{input.Variable}:-}}\" ] || missing+=({ShellQuoted($"{input.Variable}: {input.Description}")})\n");
            script.Append("if [ \"${#missing[@]}\" -gt 0 ]; then\n");
            script.Append(CultureInfo.InvariantCulture, $"  echo \"{SecretsScript}: export these variables, then run it again (README.md says what each holds); nothing was created:\" >&2\n");
            script.Append("  printf '  %s\\n' \"${missing[@]}\" >&2\n");
            script.Append("  exit 1\n");
            script.Append("fi\n");
        }

        var optionalInputs = inputs.Where(i => optional.Contains(i.Variable)).ToList();
        if (optionalInputs.Count > 0)
        {
            script.Append("\n# Optional (app.json required: false): the app runs without them. One not exported is set empty, as\n");
            script.Append("# `heroku2cloud secrets push` does on the Pulumi path; the app then sees an empty string, not an unset var.\n");
            foreach (var input in optionalInputs)
            {
                script.Append(CultureInfo.InvariantCulture, $"if [ -z \"${{{input.Variable}+set}}\" ]; then\n");
                script.Append(CultureInfo.InvariantCulture, $"  echo \"{SecretsScript}: note: {input.Variable} is not exported; it is optional (app.json required: false), so its Secret holds it empty.\" >&2\n");
                script.Append(CultureInfo.InvariantCulture, $"  {input.Variable}=\n");
                script.Append("fi\n");
            }
        }
        if (namespaceFile is not null)
            script.Append(CultureInfo.InvariantCulture, $"\nkubectl apply -f {namespaceFile}\n");
        foreach (var secret in secrets)
        {
            script.Append(CultureInfo.InvariantCulture, $"\nkubectl create secret generic {secret.Name} --namespace {secret.Namespace} --type {secret.Type} \\\n");
            foreach (var (key, value) in secret.Data)
                script.Append(CultureInfo.InvariantCulture, $"  --from-literal={key}={ShellWord(value)} \\\n");
            script.Append("  --dry-run=client -o yaml");
            if (secret.Labels is { Entries.Count: > 0 } labels)
            {
                script.Append(" \\\n  | kubectl label --local -f - -o yaml");
                foreach (var (key, value) in labels.Entries)
                    script.Append(CultureInfo.InvariantCulture, $" {key}={(value as ScalarText)?.Text}");
            }

            script.Append(" \\\n  | kubectl apply -f -\n");
        }

        return script.ToString();
    }

    /// <summary>Text as one single-quoted shell word.</summary>
    private static string ShellQuoted(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static IEnumerable<InputPart> Inputs(IEnumerable<SecretToCreate> secrets) =>
        secrets.SelectMany(s => s.Data.Select(d => d.Value)).OfType<Deferred>().SelectMany(d => d.Parts).OfType<InputPart>()
            .DistinctBy(p => p.Variable).OrderBy(p => p.Variable, StringComparer.Ordinal);

    /// <summary>A value as one shell word: literal text single-quoted, deferred values double-quoted with ${VARIABLE} for each input.</summary>
    private static string ShellWord(ManifestValue value)
    {
        switch (value)
        {
            case ScalarText text:
                return ShellQuoted(text.Text);
            case ScalarNumber number:
                return "'" + number.Number.ToString(CultureInfo.InvariantCulture) + "'";
            case Deferred deferred:
                var word = new StringBuilder("\"");
                foreach (var part in deferred.Parts)
                {
                    if (part is InputPart input)
                        word.Append("${").Append(input.Variable).Append('}');
                    else
                        word.Append(EscapeDoubleQuoted(((LiteralPart)part).Text));
                }

                return word.Append('"').ToString();
            default:
                throw new ManifestRenderException("A Secret value is neither text nor a value to supply.");
        }
    }

    private static string EscapeDoubleQuoted(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal);

    private static string ReadmeText(
        string project, string stackName, IReadOnlyList<SecretToCreate> secrets, IReadOnlySet<string> optional, IReadOnlyList<(string Key, string Value, string Description)> review)
    {
        // Every object of a stack is in one namespace; the commands below name it so they paste as they are.
        var namespaces = secrets.Select(s => s.Namespace).Distinct(StringComparer.Ordinal).ToList();
        var ns = namespaces.Count == 1 ? namespaces[0] : "<namespace>";
        var readme = new StringBuilder();
        readme.Append(CultureInfo.InvariantCulture, $"# {project} ({stackName}): Kubernetes manifests\n\n");
        readme.Append("Generated by `heroku2cloud generate --target kubernetes --format manifests` from the same resource graph as the Pulumi program.\n");
        readme.Append("Files are named `<order>-<kind>-<name>.yaml`; the order is the order Pulumi would create them in and is also each object's Argo CD sync wave.\n\n");
        readme.Append("## 1. Secrets\n\nSecrets are not in this directory. Export these variables, then run `bash create-secrets.sh`:\n\n");
        readme.Append("| Variable | Value |\n|---|---|\n");
        foreach (var input in Inputs(secrets))
        {
            var note = optional.Contains(input.Variable) ? " Optional (app.json required: false): left unset, the Secret holds it empty." : "";
            readme.Append(CultureInfo.InvariantCulture, $"| `{input.Variable}` | {(input.Description + note).Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        readme.Append("\nKeep the same values for every later run: the database password, for example, is already inside the database and in DATABASE_URL.\n");
        readme.Append(CultureInfo.InvariantCulture, $"Changing a Secret does not restart pods; run `kubectl rollout restart deployment -n {ns}` afterwards.\n\n");
        readme.Append("## 2. Values to review\n\n");
        if (review.Count == 0)
            readme.Append("Nothing: every value comes from the inventory.\n\n");
        else
        {
            readme.Append("These came from `heroku2cloud generate` options or are placeholders under reserved names (example.com); set the real ones in the files (or regenerate with the options) before applying. Images are easiest to change with `kustomize edit set image OLD=NEW`.\n\n");
            readme.Append("| Pulumi config key | Value in these files | What it is |\n|---|---|---|\n");
            foreach (var (key, value, description) in review)
                readme.Append(CultureInfo.InvariantCulture, $"| `{key}` | `{value}` | {description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            readme.Append('\n');
        }

        readme.Append("## 3. Apply\n\nWith Argo CD, point the application at this directory (it is a kustomization; the sync waves keep the order below). Flux applies a kustomization all at once, which would start the release and the apps before the data migration has finished: split it into Flux Kustomizations that depend on each other in this order, or apply with kubectl, in order, waiting between steps:\n\n```sh\n");
        readme.Append("kubectl kustomize . > all.yaml\n");
        readme.Append("kubectl apply -f all.yaml -l 'app.kubernetes.io/component notin (data-migration,release,web,worker,scheduled-job)'\n");
        readme.Append(CultureInfo.InvariantCulture, $"kubectl wait --for=condition=Ready -n {ns} cluster.postgresql.cnpg.io --all --timeout=30m   # when there is a CloudNativePG database\n");
        readme.Append("kubectl apply -f all.yaml -l app.kubernetes.io/component=data-migration\n");
        readme.Append(CultureInfo.InvariantCulture, $"kubectl wait --for=condition=Complete -n {ns} job -l app.kubernetes.io/component=data-migration --timeout=12h\n");
        readme.Append(CultureInfo.InvariantCulture, $"kubectl delete job -n {ns} -l app.kubernetes.io/component=release --ignore-not-found\n");
        readme.Append("kubectl apply -f all.yaml -l app.kubernetes.io/component=release\n");
        readme.Append(CultureInfo.InvariantCulture, $"kubectl wait --for=condition=Complete -n {ns} job -l app.kubernetes.io/component=release --timeout=1h\n");
        readme.Append("kubectl apply -f all.yaml\n```\n\n");
        readme.Append("A release Job's pod template cannot change in place, so delete it before applying a new image (as above); Argo CD does this itself (hook-delete-policy BeforeHookCreation).\n");
        readme.Append("The data-migration Job must run once only: do not delete and re-apply it after the copy succeeded.\n");
        return readme.ToString();
    }

    private sealed record SecretToCreate(string Name, string Namespace, string Type, IReadOnlyList<KeyValuePair<string, ManifestValue>> Data, MappingValue? Labels);

    private sealed record ManifestObject(string Resource, string Kind, string Name, int Order, bool IsRelease, MappingValue Body)
    {
        public static ManifestObject From(string resource, MappingValue body)
        {
            var kind = body["kind"] is ScalarText k ? k.Text : throw new ManifestRenderException($"{resource}: an object has no kind.");
            var metadata = body["metadata"] as MappingValue;
            var name = metadata?["name"] is ScalarText n ? n.Text : throw new ManifestRenderException($"{resource}: a {kind} has no name.");
            var component = (metadata?["labels"] as MappingValue)?[Labels.ComponentKey] is ScalarText c ? c.Text : "";
            var order = (kind, component) switch
            {
                ("Namespace", _) => 0,
                ("NetworkPolicy", _) => 1,
                ("Service", _) => 2,
                ("Issuer" or "Certificate", _) => 3,
                ("Cluster" or "StatefulSet", _) => 4,
                ("Job", "data-migration") => 5,
                ("Job", _) => 6,
                ("Deployment" or "CronJob", _) => 7,
                _ => 8,
            };
            return new ManifestObject(resource, kind, name, order, kind == "Job" && component == "release", body);
        }
    }
}
