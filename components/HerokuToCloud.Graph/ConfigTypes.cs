namespace HerokuToCloud.Graph;

/// <summary>What each <see cref="ConfigType"/> accepts and how Pulumi YAML spells it.</summary>
internal static class ConfigTypes
{
    public static string Name(ConfigType type) => type switch
    {
        ConfigType.String => "string",
        ConfigType.Integer => "integer",
        ConfigType.Boolean => "boolean",
        ConfigType.StringList => "list of strings",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool Matches(ConfigType type, Value value) => (type, value) switch
    {
        (ConfigType.String, StringValue) => true,
        (ConfigType.Integer, NumberValue n) => decimal.Truncate(n.Number) == n.Number,
        (ConfigType.Boolean, BoolValue) => true,
        (ConfigType.StringList, ListValue list) => list.Items.All(i => i is StringValue),
        _ => false,
    };
}
