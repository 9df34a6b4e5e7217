namespace NodeManager.Core.Scaling;

/// <summary>Active gears over max active gears of the serving, responding nodes; null percent when there are none.</summary>
internal readonly record struct Usage(int ActiveGears, int MaxActiveGears, int Nodes)
{
    public double? Percent => MaxActiveGears > 0 ? 100.0 * ActiveGears / MaxActiveGears : null;

    public static Usage Of(IEnumerable<NodeSnapshot> nodes)
    {
        int active = 0, max = 0, count = 0;
        foreach (var n in nodes)
        {
            if (!n.Serving || !n.Responding) continue;
            active += n.ActiveGears;
            max += n.MaxActiveGears;
            count++;
        }

        return new Usage(active, max, count);
    }

    /// <summary>Usage once <paramref name="node"/> has gone and its gears moved to the others.</summary>
    public Usage Without(NodeSnapshot node) => new(ActiveGears, MaxActiveGears - node.MaxActiveGears, Nodes - 1);

    /// <summary>How many more nodes (of the average size) bring usage below <paramref name="highWaterMark"/>; at least 1.</summary>
    public int NodesToBringBelow(double highWaterMark)
    {
        if (Nodes == 0 || MaxActiveGears == 0) return 1;
        var perNode = (double)MaxActiveGears / Nodes;
        var needed = (int)Math.Floor(ActiveGears * 100.0 / (highWaterMark * perNode)) + 1;
        return Math.Max(1, needed - Nodes);
    }

    public override string ToString() => Percent is { } p ? ScalingPolicy.Pct(Math.Round(p, 1)) : "n/a";
}
