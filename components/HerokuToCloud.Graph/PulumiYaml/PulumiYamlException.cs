namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// A Pulumi YAML file heroku2cloud cannot read: the message names the file, the line and column and
/// what to change. Raised for malformed YAML and for program forms heroku2cloud does not generate.
/// </summary>
public sealed class PulumiYamlException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
