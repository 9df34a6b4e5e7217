using Spectre.Console;

namespace NodeManager.Cli.Views;

/// <summary>
/// A Spectre.Console console over a writer: plain text (no colour, no control codes) at a fixed width when the writer
/// is not the terminal, so that piped output, files and specs read the same; the terminal's own abilities otherwise.
/// </summary>
public static class ConsoleFor
{
    /// <summary>The width of tables written anywhere but a terminal: wide enough that a reason stays on its row for grep.</summary>
    public const int PlainWidth = 512;

    public static IAnsiConsole Writer(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        if (terminal)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new TrimmingWriter(writer)),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            // Spectre reads NO_COLOR and the like from the process otherwise; plain output needs none of them.
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }
}
