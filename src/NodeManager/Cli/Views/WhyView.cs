using NodeManager.Cli.Endpoint;
using Spectre.Console;

namespace NodeManager.Cli.Views;

/// <summary>`nodemgr why DISTRICT`: <see cref="WhyExplanation"/>'s headline and facts, then the recent events behind them.</summary>
public static class WhyView
{
    /// <param name="events">Null when the endpoint could not give them; <paramref name="eventsUnavailable"/> says why.</param>
    public static void Render(IAnsiConsole console, DistrictBody district, IReadOnlyList<EventBody>? events, string? eventsUnavailable)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(district);
        Cells.Heading(console, WhyExplanation.Headline(district));
        foreach (var fact in WhyExplanation.Facts(district))
        {
            Cells.Heading(console, "  * " + fact);
        }

        if (events is null)
        {
            Cells.Section(console, $"Recent decisions and conditions: not available: {eventsUnavailable ?? "no answer"}");
            return;
        }

        var recent = WhyExplanation.Recent(district.Name, events);
        if (recent.Count == 0)
        {
            Cells.Section(console, "Recent decisions and conditions: none recorded.");
            return;
        }

        Cells.Section(console, "Recent decisions and conditions (newest first):");
        var table = Cells.Table("AT", "KIND", "TYPE", "MESSAGE");
        foreach (var e in recent)
        {
            table.AddRow(Cells.Time(e.At), Cells.Text(e.Kind), Cells.Text(e.Type), Cells.Text(e.Message));
        }

        console.Write(table);
    }
}
