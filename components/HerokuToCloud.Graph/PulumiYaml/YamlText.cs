namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// A YAML document as the writer lays it out before it becomes text: the writer decides the structure,
/// <see cref="YamlEmitter"/> decides the characters.
/// </summary>
internal abstract record YamlText;

/// <summary>A string, always emitted so that YAML reads it back as a string (quoted when it would not be).</summary>
internal sealed record YamlString(string Text) : YamlText;

/// <summary>A number, boolean or null, emitted exactly as given.</summary>
internal sealed record YamlLiteral(string Text) : YamlText;

/// <summary>
/// A mapping in the given order. <paramref name="Spaced"/> puts a blank line before every entry (but the first)
/// whose value is a non-empty collection, so top-level sections and resources stand apart.
/// </summary>
internal sealed record YamlMap(IReadOnlyList<KeyValuePair<string, YamlText>> Entries, bool Spaced = false) : YamlText;

internal sealed record YamlList(IReadOnlyList<YamlText> Items) : YamlText;
