using Spectre.Console;

namespace HerokuToCloud.Cli.Tests.Support;

/// <summary>What a Spectre.Console rendering shows as plain text (no colours, no ANSI codes) at a fixed width.</summary>
internal static class PlainConsole
{
    public static string Render(int width, Action<IAnsiConsole> write)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        write(console);
        return writer.ToString();
    }
}
