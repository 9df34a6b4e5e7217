using NodeManager.Core.Events;

namespace NodeManager.Management;

/// <summary><c>GET /events</c>: the kept events that match the query, newest first.</summary>
public sealed record EventListResponse(int Version, IReadOnlyList<FeedEvent> Events);
