using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// Reads a Pulumi YAML program back into a <see cref="ResourceGraph"/> and a stack file into a
/// <see cref="StackConfig"/>: every form <see cref="PulumiYamlWriter"/> writes, and hand edits in the same
/// forms. Anything else (another runtime, an unsupported function or option, a reference to nothing) is
/// a <see cref="PulumiYamlException"/> naming the file, line and column.
/// </summary>
public static class PulumiYamlReader
{
    private static readonly HashSet<string> StackFileKeys = new(StringComparer.Ordinal) { "secretsprovider", "encryptionsalt", "encryptedkey", "environment" };

    public static ResourceGraph Read(string text, string fileName = PulumiYamlWriter.ProgramFileName)
    {
        var root = Load(text, fileName);
        return new ProgramReader(fileName, root).Read();
    }

    /// <summary>
    /// Reads <c>Pulumi.&lt;stack&gt;.yaml</c>. Keys in the project's namespace lose the <c>project:</c> prefix,
    /// provider keys keep theirs. Encrypted values (<c>secure:</c>, set with <c>pulumi config set --secret</c>)
    /// are skipped: secret values never enter the model.
    /// </summary>
    public static StackConfig ReadStack(string text, string project, string stack, string fileName)
    {
        var root = Load(text, fileName);
        var config = new StackConfig(stack);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ScalarKey(keyNode, fileName);
            if (StackFileKeys.Contains(key))
                continue;
            if (key != "config")
                throw Error(fileName, keyNode, $"unexpected key \"{key}\" in a stack file; it holds config: and Pulumi's own encryption settings.");
            if (valueNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" })
                continue;
            if (valueNode is not YamlMappingNode values)
                throw Error(fileName, valueNode, "config: must be a mapping of keys to values.");
            foreach (var (configKeyNode, configValueNode) in values.Children)
            {
                var configKey = ScalarKey(configKeyNode, fileName);
                if (configValueNode is YamlMappingNode secure && secure.Children.Count == 1 && ScalarKey(secure.Children.First().Key, fileName) == "secure")
                    continue;
                var name = StackKeys.Own(project, configKey);
                var value = StackLiteral(configValueNode, fileName, configKey);
                if (value is BoolValue or NumberValue && configValueNode is YamlScalarNode { Value: { } written })
                    config.SetAsWritten(name, value, written);
                else
                    config.Set(name, value);
            }
        }

        return config;
    }

    /// <summary>Reads DIR/Pulumi.yaml and every DIR/Pulumi.&lt;stack&gt;.yaml next to it.</summary>
    public static PulumiProgram ReadDirectory(string directory)
    {
        var programPath = Path.Combine(directory, PulumiYamlWriter.ProgramFileName);
        if (!File.Exists(programPath))
        {
            throw new FileNotFoundException(Directory.Exists(directory)
                ? $"{directory} has no {PulumiYamlWriter.ProgramFileName}; point at the directory `heroku2cloud generate -o` wrote."
                : $"{directory} does not exist.", programPath);
        }

        var graph = Read(File.ReadAllText(programPath), programPath);
        var stacks = Directory.EnumerateFiles(directory, "Pulumi.*.yaml")
            .Where(p => !string.Equals(Path.GetFileName(p), PulumiYamlWriter.ProgramFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => ReadStack(File.ReadAllText(p), graph.Project, Path.GetFileName(p)["Pulumi.".Length..^".yaml".Length], p))
            .ToList();
        return new PulumiProgram(graph, stacks);
    }

    internal static YamlMappingNode Load(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var problem = TrimPosition(ex.InnerException is { } inner ? $"{ex.Message} {TrimPosition(inner.Message)}" : ex.Message);
            throw new PulumiYamlException(fileName, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {problem}");
        }

        if (stream.Documents.Count != 1)
            throw new PulumiYamlException(fileName, 1, 1, stream.Documents.Count == 0 ? "the file is empty." : "the file holds several YAML documents; a Pulumi file holds one.");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Error(fileName, stream.Documents[0].RootNode, "the file must be a YAML mapping (key: value lines).");
        return root;
    }

    /// <summary>YamlDotNet prefixes some messages with the position; the exception already says where.</summary>
    private static string TrimPosition(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    internal static PulumiYamlException Error(string fileName, YamlNode node, string problem) =>
        new(fileName, (int)node.Start.Line, (int)node.Start.Column, problem);

    internal static string ScalarKey(YamlNode node, string fileName) =>
        node is YamlScalarNode { Value: { } key } ? key : throw Error(fileName, node, "keys must be plain text.");

    private static Value StackLiteral(YamlNode node, string fileName, string key) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => YamlScalarResolution.ResolvePlain(scalar.Value ?? "") switch
        {
            (NullValue, _) => throw Error(fileName, node, $"{key} has no value; set one or remove the line."),
            ({ } value, null) => value,
            (_, var error) => throw Error(fileName, node, $"{key}: {error}"),
        },
        YamlScalarNode scalar => new StringValue(scalar.Value ?? ""),
        YamlSequenceNode list => new ListValue(list.Children.Select(item => item is YamlScalarNode
            ? StackLiteral(item, fileName, key)
            : throw Error(fileName, item, $"{key}: lists in stack config may only hold plain values.")).ToList()),
        _ => throw Error(fileName, node, $"{key}: structured (object) config values are not used by heroku2cloud programs."),
    };
}
