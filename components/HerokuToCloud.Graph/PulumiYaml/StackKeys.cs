namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// How a stack file spells config keys: the program's own keys under its project's name
/// (<c>emigrate:logRetentionDays</c>), provider keys under the provider's (<c>aws:region</c>). The model
/// holds the program's own keys bare; these two turn one spelling into the other.
/// </summary>
public static class StackKeys
{
    /// <summary>The key as the stack file writes it: a bare key goes under the project's name.</summary>
    public static string Qualified(string project, string key) =>
        key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";

    /// <summary>The key without the project's own name; keys under another name (a provider's) stay as they are.</summary>
    public static string Own(string project, string key) =>
        key.StartsWith(project + ":", StringComparison.Ordinal) ? key[(project.Length + 1)..] : key;
}
