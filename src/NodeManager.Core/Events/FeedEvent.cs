namespace NodeManager.Core.Events;

/// <summary>
/// One entry of the event feed (<c>GET /events</c>): what changed in a district, when, in one line. A stable JSON shape
/// (v1). <see cref="Id"/> rises by one per event on the member that recorded it; 0 until <see cref="EventFeed"/> records it.
/// </summary>
/// <param name="Kind">One of <see cref="FeedEventKind"/>'s words.</param>
/// <param name="Node">The node's host name for node events and node conditions; null for the district's own.</param>
/// <param name="Type">What happened within the kind: the node's new state, the decision's kind, the condition's type, the action.</param>
public sealed record FeedEvent(long Id, DateTimeOffset At, string Kind, string District, string? Node, string Type, string Message);
