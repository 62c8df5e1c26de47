using System.Text;

namespace HerokuToCloud.Graph.Conformance;

/// <summary>The outcome of one conformance run over many programs.</summary>
public sealed class ConformanceReport(IReadOnlyList<string> programs, IReadOnlyList<ConformanceDiagnostic> diagnostics, TimeSpan compilerTime)
{
    public IReadOnlyList<string> Programs { get; } = programs;

    public IReadOnlyList<ConformanceDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Wall-clock time of the single tsc run that checked all programs.</summary>
    public TimeSpan CompilerTime { get; } = compilerTime;

    public bool Passed => Diagnostics.Count == 0;

    public IReadOnlyList<ConformanceDiagnostic> For(string program) =>
        Diagnostics.Where(d => d.Program == program).ToList();

    public override string ToString()
    {
        var text = new StringBuilder($"{Programs.Count} program(s), {Diagnostics.Count} diagnostic(s), tsc {CompilerTime.TotalSeconds:0.0} s");
        foreach (var diagnostic in Diagnostics)
            text.Append('\n').Append("  ").Append(diagnostic);
        return text.ToString();
    }
}
