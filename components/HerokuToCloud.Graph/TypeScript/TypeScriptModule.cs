namespace HerokuToCloud.Graph.TypeScript;

/// <summary>
/// A program translated to TypeScript: the source, which element (and property) each line came from so
/// a compiler diagnostic can be reported against the Pulumi program, and the problems found while
/// translating (things no TypeScript would express, such as a reference to a missing variable path).
/// </summary>
public sealed class TypeScriptModule(string source, IReadOnlyList<SourceOwner?> lineOwners, IReadOnlyList<TranslationProblem> problems)
{
    public string Source { get; } = source;

    public IReadOnlyList<TranslationProblem> Problems { get; } = problems;

    /// <summary>What a 1-based source line belongs to, or null for the module's own lines (imports, helpers).</summary>
    public SourceOwner? Locate(int line) => line >= 1 && line <= lineOwners.Count ? lineOwners[line - 1] : null;
}

/// <summary>A program element: <paramref name="Kind"/> is config, variable, resource or output; <paramref name="Property"/> a property path inside it.</summary>
public sealed record SourceOwner(string Kind, string Name, string? Property)
{
    public override string ToString() => Property is null ? $"{Kind} {Name}" : $"{Kind} {Name}, property {Property}";
}

public sealed record TranslationProblem(SourceOwner Owner, string Message);
