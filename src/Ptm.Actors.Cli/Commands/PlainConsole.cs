using Spectre.Console;

namespace Ptm.Actors.Cli.Commands;

/// <summary>A Spectre.Console console for output that is not a terminal: no escape codes, no colours, a fixed width.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole For(TextWriter output, int width = 120)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }
}
