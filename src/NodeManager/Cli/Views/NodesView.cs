using NodeManager.Cli.Endpoint;
using Spectre.Console;

namespace NodeManager.Cli.Views;

/// <summary>`nodemgr nodes`: one row per node; `nodemgr node NAME`: one node's fields, its history and its district's last decision.</summary>
public static class NodesView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<NodeBody> nodes)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            Cells.Heading(console, "No nodes.");
            return;
        }

        var table = Cells.Table("NODE", "DISTRICT", "STATE", "GEARS", "PROTECTED", "SERVER", "LAST ERROR");
        foreach (var n in nodes)
        {
            table.AddRow(
                Cells.Text(n.Name),
                Cells.Text(n.District),
                Cells.Text(n.State),
                Cells.Text(n.ActiveGears?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cells.Text(Protection(n)),
                Cells.Text(n.ServerName),
                Cells.Text(n.LastError));
        }

        console.Write(table);
    }

    public static void RenderOne(IAnsiConsole console, NodeEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(envelope);
        var n = envelope.Node;
        var fields = new Grid().AddColumn().AddColumn();
        void Field(string name, string? value) => fields.AddRow(Cells.Text(name), Cells.Text(value));
        Field("Node", n.Name);
        Field("State", n.State);
        Field("District", n.District);
        Field("Profile", n.Profile);
        Field("Server", n.ServerId is null ? n.ServerName : $"{n.ServerName} ({n.ServerId})");
        Field("Volume", n.VolumeId);
        Field("Active gears", n.ActiveGears?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field("Protected", Protection(n));
        Field("Launch", n.LaunchId);
        Field("Last error", n.LastError);
        Field("District decision", envelope.DistrictDecision is { } d ? $"{d.Kind} at {Cells.At(d.At)}: {d.Reason}" : null);
        console.Write(fields);

        Cells.Section(console, "History:");
        var history = Cells.Table("AT", "STATE", "EVENT", "DETAIL");
        foreach (var h in n.History ?? [])
        {
            history.AddRow(Cells.Time(h.At), Cells.Text(h.State), Cells.Text(h.Event), Cells.Text(h.Detail));
        }

        console.Write(history);
    }

    /// <summary>"no", or "yes (file)" / "yes (operator:ops)" naming who protects it from scale-in.</summary>
    public static string Protection(NodeBody node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Protected ? $"yes ({node.ProtectedBy ?? "unknown"})" : "no";
    }
}
