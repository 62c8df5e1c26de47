using System.Diagnostics.CodeAnalysis;

namespace HerokuToCloud.Inventory.Readers.Secrets;

/// <summary>
/// Config var values as a secrets file holds them: Heroku app name → config var name → value, each
/// with the line it was read from. The file is what <c>capture --secrets-out</c> writes, or what a
/// team writes by hand in the same layout. Values leave this object only through
/// <see cref="TryGetValue"/>; <see cref="ToString"/> and every location show names and lines, never a
/// value.
/// </summary>
public sealed class SecretsFile
{
    private readonly SortedDictionary<string, AppSection> _apps;

    internal SecretsFile(string source, SortedDictionary<string, AppSection> apps)
    {
        Source = source;
        _apps = apps;
    }

    /// <summary>The file's name as messages use it ("secrets.yaml", "standard input").</summary>
    public string Source { get; }

    /// <summary>The Heroku apps the file has a section for, in ordinal order.</summary>
    public IReadOnlyCollection<string> Apps => _apps.Keys;

    /// <summary>Number of values over all apps.</summary>
    public int Count => _apps.Values.Sum(a => a.Values.Count);

    public bool HasApp(string app) => _apps.ContainsKey(app);

    /// <summary>Names (never values) of the vars listed under <paramref name="app"/>, in ordinal order.</summary>
    public IReadOnlyList<string> NamesFor(string app) =>
        _apps.TryGetValue(app, out var section) ? section.Values.Keys.ToList() : [];

    public bool TryGetValue(string app, string name, [NotNullWhen(true)] out string? value)
    {
        value = _apps.TryGetValue(app, out var section) && section.Values.TryGetValue(name, out var entry) ? entry.Value : null;
        return value is not null;
    }

    /// <summary>
    /// Where a var's line (or, without <paramref name="name"/>, the app's section) is: "secrets.yaml:12".
    /// Null when the file has no such entry.
    /// </summary>
    public string? Locate(string app, string? name = null)
    {
        if (!_apps.TryGetValue(app, out var section))
            return null;
        if (name is null)
            return $"{Source}:{section.Line}";
        return section.Values.TryGetValue(name, out var entry) ? $"{Source}:{entry.Line}" : null;
    }

    public override string ToString() =>
        $"{Count} config var value(s) of {_apps.Count} app(s) from {Source} (values hidden)";

    /// <summary>One app's section: the line of its key and its values by var name.</summary>
    internal sealed record AppSection(int Line, SortedDictionary<string, SecretLine> Values);

    /// <summary>One value and the line it was read from; never printed.</summary>
    internal sealed record SecretLine(string Value, int Line)
    {
        public override string ToString() => $"line {Line} (value hidden)";
    }
}
