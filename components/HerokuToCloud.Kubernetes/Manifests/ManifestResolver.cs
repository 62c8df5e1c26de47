using System.Globalization;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Resolves a program's values against one stack's config for plain manifests: literals and stack
/// values become YAML, references to another object's name become that name, and everything only
/// Pulumi can know (secret config, random results, config the stack leaves unset) becomes
/// <see cref="Deferred"/> so the renderer can route it to the secrets script or refuse it.
/// </summary>
internal sealed class ManifestResolver(ResourceGraph graph, StackConfig stack)
{
    private readonly Dictionary<string, SortedSet<string>> uses = new(StringComparer.Ordinal);

    /// <summary>The resource whose values are being resolved, so each stack value is traced to the objects (and files) that hold it.</summary>
    public string? Resource { get; set; }

    /// <summary>The resources each non-secret config key's value was written into.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Uses => uses;

    public ManifestValue Resolve(Value value, string where) => value switch
    {
        StringValue s => new ScalarText(s.Text),
        NumberValue n => new ScalarNumber(n.Number),
        BoolValue b => new ScalarBool(b.Flag),
        NullValue => new ScalarNull(),
        ListValue list => new SequenceValue(list.Items.Select((item, i) => Resolve(item, $"{where}[{i}]")).ToList()),
        MapValue map => new MappingValue(map.Select(e => new KeyValuePair<string, ManifestValue>(e.Key, Resolve(e.Value, $"{where}.{e.Key}"))).ToList()),
        ConfigValue config => Config(config.Key, where),
        ReferenceValue reference => Reference(reference, where),
        InterpolationValue interpolation => Interpolate(interpolation, where),
        SelectValue select => Select(select, where),
        JoinValue join => Join(join, where),
        JsonValue json => Json(json, where),
        _ => throw new ManifestRenderException($"{where}: a {value.GetType().Name} can only be evaluated by Pulumi; use the Pulumi format for this program."),
    };

    /// <summary>The Kubernetes name of a resource: its metadata.name, or its logical name where Pulumi would auto-name it.</summary>
    public string ObjectName(Resource resource)
    {
        if (resource.Properties["metadata"] is MapValue metadata && metadata["name"] is { } name)
        {
            return Resolve(name, $"{resource.Name}.metadata.name") is ScalarText text
                ? text.Text
                : throw new ManifestRenderException($"{resource.Name}: its name is only known to Pulumi.");
        }

        return resource.Name;
    }

    private ManifestValue Config(string key, string where)
    {
        var declaration = graph.Config.FirstOrDefault(c => c.Key == key)
            ?? throw new ManifestRenderException($"{where}: config key {key} is used but not declared.");
        if (declaration.Secret)
            return new Deferred([new InputPart(EnvironmentName(key), declaration.Description ?? key)]);
        if (stack.Values.TryGetValue(key, out var value) || (value = declaration.Default) is not null)
        {
            if (Resource is not null)
            {
                if (!uses.TryGetValue(key, out var resources))
                    uses[key] = resources = new SortedSet<string>(StringComparer.Ordinal);
                resources.Add(Resource);
            }

            return Resolve(value, where);
        }
        throw new ManifestRenderException($"{where}: config {key} has no value in stack {stack.Stack}; set it in the stack file.");
    }

    private ManifestValue Reference(ReferenceValue reference, string where)
    {
        var target = graph.Find(reference.Name)
            ?? throw new ManifestRenderException($"{where}: refers to {reference.Name}, which the program does not define.");
        if (reference.Path == "metadata.name" && KubernetesTypes.ApiVersionAndKind(target.Type) is not null)
            return new ScalarText(ObjectName(target));
        if (reference.Path == "result" && target.Type == KubernetesTypes.RandomPassword)
        {
            var length = target.Properties["length"] is NumberValue n ? n.Number.ToString(CultureInfo.InvariantCulture) : "32";
            return new Deferred([new InputPart(EnvironmentName(RandomName(target.Name)), $"a random value of {length} letters and digits (the Pulumi program generates it with the random provider)")]);
        }

        throw new ManifestRenderException($"{where}: {reference.Name}.{reference.Path} is an output only Pulumi can resolve.");
    }

    private ManifestValue Interpolate(InterpolationValue interpolation, string where)
    {
        var parts = new List<DeferredPart>();
        foreach (var part in interpolation.Parts.Select(p => Resolve(p, where)))
        {
            switch (part)
            {
                case ScalarText text: parts.Add(new LiteralPart(text.Text)); break;
                case ScalarNumber number: parts.Add(new LiteralPart(number.Number.ToString(CultureInfo.InvariantCulture))); break;
                case ScalarBool flag: parts.Add(new LiteralPart(flag.Flag ? "true" : "false")); break;
                case Deferred deferred: parts.AddRange(deferred.Parts); break;
                default: throw new ManifestRenderException($"{where}: only text can be interpolated.");
            }
        }

        return parts.All(p => p is LiteralPart)
            ? new ScalarText(string.Concat(parts.Cast<LiteralPart>().Select(p => p.Text)))
            : new Deferred(parts);
    }

    private ManifestValue Select(SelectValue select, string where) =>
        Resolve(select.Items, where) is SequenceValue sequence
            ? select.Index < sequence.Items.Count
                ? sequence.Items[select.Index]
                : throw new ManifestRenderException($"{where}: needs item {select.Index + 1} of a list with {sequence.Items.Count}; add it to the stack config.")
            : throw new ManifestRenderException($"{where}: selects from a value that is not a list in this stack.");

    private ManifestValue Join(JoinValue join, string where) =>
        Resolve(join.Items, where) is SequenceValue sequence && sequence.Items.All(i => i is ScalarText or ScalarNumber)
            ? new ScalarText(string.Join(join.Delimiter, sequence.Items.Select(i => i is ScalarText t ? t.Text : ((ScalarNumber)i).Number.ToString(CultureInfo.InvariantCulture))))
            : throw new ManifestRenderException($"{where}: joins values only Pulumi can resolve.");

    private ScalarText Json(JsonValue json, string where)
    {
        var buffer = new System.IO.MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            WriteJson(writer, Resolve(json.Inner, where), where);
        return new ScalarText(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter writer, ManifestValue value, string where)
    {
        switch (value)
        {
            case ScalarText text: writer.WriteStringValue(text.Text); break;
            case ScalarNumber number: writer.WriteNumberValue(number.Number); break;
            case ScalarBool flag: writer.WriteBooleanValue(flag.Flag); break;
            case ScalarNull: writer.WriteNullValue(); break;
            case SequenceValue sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                    WriteJson(writer, item, where);
                writer.WriteEndArray();
                break;
            case MappingValue mapping:
                writer.WriteStartObject();
                foreach (var (key, item) in mapping.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item, where);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new ManifestRenderException($"{where}: serialises a value only Pulumi can resolve.");
        }
    }

    /// <summary>An environment variable name for a config key or resource: shopWebStripeApiKey → SHOP_WEB_STRIPE_API_KEY.</summary>
    public static string EnvironmentName(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // A word starts where a capital follows a lower-case letter or digit (stripeApiKey), not inside a capital run (API_KEY).
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1])))
                builder.Append('_');
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return System.Text.RegularExpressions.Regex.Replace(builder.ToString(), "_{2,}", "_").Trim('_');
    }

    private static string RandomName(string logicalName) =>
        logicalName.EndsWith("-random", StringComparison.Ordinal) ? logicalName[..^"-random".Length] : logicalName;
}
