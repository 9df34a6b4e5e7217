namespace NodeManager.Core.Events;

/// <summary>Which events a reader wants; a null part matches everything. Names compare exactly, as in the URLs.</summary>
public sealed record FeedFilter(string? District = null, string? Node = null, string? Kind = null)
{
    public static FeedFilter All { get; } = new();

    public bool Matches(FeedEvent e) =>
        (District is null || string.Equals(e.District, District, StringComparison.Ordinal))
        && (Node is null || string.Equals(e.Node, Node, StringComparison.Ordinal))
        && (Kind is null || string.Equals(e.Kind, Kind, StringComparison.Ordinal));
}
