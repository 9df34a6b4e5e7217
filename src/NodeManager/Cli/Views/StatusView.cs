using NodeManager.Cli.Endpoint;
using Spectre.Console;

namespace NodeManager.Cli.Views;

/// <summary>`nodemgr status`: the cluster's members, then every district with its nodes by state, conditions and last decision.</summary>
public static class StatusView
{
    /// <param name="members">Null when the member could not say (<paramref name="membersUnavailable"/> says why).</param>
    public static void Render(IAnsiConsole console, MembersBody? members, string? membersUnavailable, IReadOnlyList<DistrictBody> districts)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (members is null)
        {
            Cells.Heading(console, $"Members: unknown ({membersUnavailable ?? "no answer"}).");
        }
        else
        {
            Cells.Heading(console, "Members:");
            RenderMembers(console, members);
        }

        Cells.Section(console, "Districts:");
        DistrictsView.Render(console, districts);
    }

    public static void RenderMembers(IAnsiConsole console, MembersBody members)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(members);
        var unreachable = (members.Unreachable ?? []).Select(u => u.Node).ToHashSet(StringComparer.Ordinal);
        var table = Cells.Table("MEMBER", "STATUS", "REACHABLE", "ROLE");
        foreach (var m in members.Members)
        {
            var role = new List<string>();
            if (m.Node == members.SelfNode) role.Add("this member");
            if (m.Node == members.Leader) role.Add("leader");
            if (m.Node == members.Oldest) role.Add("oldest (capacity watcher)");
            role.AddRange(m.Roles ?? []);
            table.AddRow(
                Cells.Text(m.Node),
                Cells.Text(m.Status),
                Cells.Text(unreachable.Contains(m.Node) ? "no" : "yes"),
                Cells.Text(role.Count == 0 ? "-" : string.Join(", ", role)));
        }

        console.Write(table);
    }
}
