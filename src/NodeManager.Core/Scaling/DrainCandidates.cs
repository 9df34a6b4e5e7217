namespace NodeManager.Core.Scaling;

/// <summary>Which node a scale-down drains: an operator-named one first, then by <see cref="DrainSelection"/>.</summary>
public static class DrainCandidates
{
    /// <summary>Managed, Active, responding and not scale-in protected; null when no node qualifies.</summary>
    public static NodeSnapshot? Pick(DistrictSnapshot district, DrainSelection selection)
    {
        var drainable = district.Nodes
            .Where(n => n.Phase == NodePhase.Active && n.Responding && !n.ScaleInProtected)
            .ToList();
        foreach (var requested in district.DrainRequests)
            if (drainable.FirstOrDefault(n => n.Name == requested) is { } named)
                return named;

        var ordered = selection switch
        {
            DrainSelection.Oldest => drainable.OrderBy(n => n.ActiveSince ?? DateTimeOffset.MaxValue),
            DrainSelection.Newest => drainable.OrderByDescending(n => n.ActiveSince ?? DateTimeOffset.MinValue),
            _ => drainable.OrderBy(n => n.ActiveGears),
        };
        return ordered.ThenBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault();
    }

    internal static string Describe(DrainSelection selection, NodeSnapshot node) => selection switch
    {
        DrainSelection.Oldest => $"oldest, active since {node.ActiveSince:u}",
        DrainSelection.Newest => $"newest, active since {node.ActiveSince:u}",
        _ => $"fewest gears: {node.ActiveGears}",
    };
}
