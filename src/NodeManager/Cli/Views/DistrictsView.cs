using NodeManager.Cli.Endpoint;
using Spectre.Console;

namespace NodeManager.Cli.Views;

/// <summary>Districts as tables: one row each (nodes by state, bounds and pause with their source), then their conditions and last decisions.</summary>
public static class DistrictsView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<DistrictBody> districts)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(districts);
        if (districts.Count == 0)
        {
            Cells.Heading(console, "No districts yet (a district appears when the capacity source first names it).");
            return;
        }

        var table = Cells.Table("DISTRICT", "PROFILE", "NODES", "USAGE", "BOUNDS", "PAUSED", "OWNER");
        foreach (var d in districts)
        {
            table.AddRow(
                Cells.Text(d.Name),
                Cells.Text(d.Profile),
                Cells.Text(Cells.NodesByState(d.NodesByState)),
                Cells.Text(Cells.Percent(d.Utilisation)),
                Cells.Text($"{d.MinNodes}..{d.MaxNodes} ({Cells.SourceOf(d, "bounds")})"),
                Cells.Text(d.Paused ? $"yes ({Cells.SourceOf(d, "paused")})" : "no"),
                Cells.Text(d.Owner));
        }

        console.Write(table);
        RenderConditions(console, districts);
        RenderDecisions(console, districts);
    }

    public static void RenderConditions(IAnsiConsole console, IReadOnlyList<DistrictBody> districts)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(districts);
        var raised = districts.SelectMany(d => (d.Conditions ?? []).Select(c => (d.Name, Condition: c))).ToList();
        if (raised.Count == 0)
        {
            Cells.Section(console, "Conditions: none raised.");
            return;
        }

        Cells.Section(console, "Conditions:");
        var table = Cells.Table("DISTRICT", "CONDITION", "SINCE", "RETRY AT", "MESSAGE");
        foreach (var (district, c) in raised)
        {
            table.AddRow(Cells.Text(district), Cells.Text(c.Type), Cells.Time(c.Since), Cells.Time(c.RetryAt), Cells.Text(c.Message));
        }

        console.Write(table);
    }

    public static void RenderDecisions(IAnsiConsole console, IReadOnlyList<DistrictBody> districts)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(districts);
        Cells.Section(console, "Last decisions:");
        var table = Cells.Table("DISTRICT", "DECISION", "AT", "REASON");
        foreach (var d in districts)
        {
            table.AddRow(
                Cells.Text(d.Name),
                Cells.Text(d.LastDecision?.Kind ?? "none yet"),
                Cells.Time(d.LastDecision?.At),
                Cells.Text(d.LastDecision?.Reason));
        }

        console.Write(table);
    }
}
