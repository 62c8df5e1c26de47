using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Inventory.Readers.Secrets;

/// <summary>
/// Reads a secrets file (docs/secrets.md): a YAML mapping of Heroku app name → config var name →
/// value, as <c>capture --secrets-out</c> writes it or a team writes it by hand. JSON of the same shape
/// is YAML too, so <c>heroku config --json</c> output wrapped in its app name reads as well.
/// </summary>
/// <remarks>
/// Errors follow the inventory's conventions ("secrets.yaml:4:3: shop-web.STRIPE_KEY: ...") with one
/// difference: a message never quotes a value, nor a key that failed its check (the line and column
/// point at it), because in a secrets file a mis-indented or mistyped line may be a secret itself.
/// </remarks>
public static class SecretsFileReader
{
    /// <summary>Reads the file at <paramref name="path"/>; an unreadable file fails naming the path.</summary>
    public static SecretsFile ReadFile(string path) => Read(InputFile.ReadText(path, "secrets file"), path);

    /// <summary>Reads secrets file text; <paramref name="fileName"/> is the name messages use.</summary>
    public static SecretsFile Read(string text, string fileName)
    {
        var apps = new SortedDictionary<string, SecretsFile.AppSection>(StringComparer.Ordinal);
        var root = YamlDocuments.LoadSingle(text, fileName);
        if (root is null || root.IsNull)
            return new SecretsFile(fileName, apps);

        if (root.Node is not YamlMappingNode)
        {
            throw root.Error(
                $"expected a mapping of Heroku app names to their config vars, found {Describe(root.Node)}. " +
                "Write each app's name, then its vars indented under it as NAME: \"value\" lines; a .env file (NAME=value lines) must be rewritten that way.");
        }

        foreach (var (app, appKey, appValue) in root.FreeMapping("Heroku app names").Entries)
        {
            if (!HerokuNames.IsAppName(app))
            {
                var hint = HerokuNames.IsConfigVarName(app)
                    ? " It looks like a config var: indent it under the name of the Heroku app it belongs to."
                    : "";
                throw At(appKey, $"this key is not a Heroku app name (3 to 30 lower-case letters, digits and dashes, starting with a letter); the top level of a secrets file names Heroku apps.{hint}");
            }

            apps[app] = new SecretsFile.AppSection(appKey.Line, ReadApp(app, appValue));
        }

        return new SecretsFile(fileName, apps);
    }

    private static SortedDictionary<string, SecretsFile.SecretLine> ReadApp(string app, YamlCursor section)
    {
        var values = new SortedDictionary<string, SecretsFile.SecretLine>(StringComparer.Ordinal);
        if (section.IsNull)
            return values;
        if (section.Node is not YamlMappingNode)
            throw section.Error($"expected the config vars of {app} as NAME: \"value\" lines indented under it, found {Describe(section.Node)}.");

        foreach (var (name, nameKey, valueCursor) in section.FreeMapping("config var names").Entries)
        {
            if (!HerokuNames.IsConfigVarName(name))
            {
                var hint = name.Contains('=', StringComparison.Ordinal) ? " It looks like a .env line: write NAME: \"value\" instead of NAME=value." : "";
                throw At(nameKey, $"this key under {app} is not a config var name (letters, digits and underscores, not starting with a digit).{hint}");
            }

            if (valueCursor.IsNull)
                throw valueCursor.Error($"has no value. Write {name}: \"\" for an empty value (quoted, so it cannot read as YAML's null), or remove the line.");
            if (valueCursor.Node is not YamlScalarNode)
                throw valueCursor.Error($"expected the value as one double-quoted string, found {Describe(valueCursor.Node)}; use \\n inside the quotes for a multi-line value.");
            values[name] = new SecretsFile.SecretLine(valueCursor.Scalar("the value"), valueCursor.Line);
        }

        return values;
    }

    /// <summary>An error at a key whose text may not be a name: the location only, no key path.</summary>
    private static InventoryException At(YamlCursor key, string message) =>
        new SourceLocation(key.File, key.Line, (int)key.Node.Start.Column, "").Error(message);

    /// <summary>What a node is, without its content: a value in this file may be a secret.</summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value (not shown here: it may be secret)",
    };
}
