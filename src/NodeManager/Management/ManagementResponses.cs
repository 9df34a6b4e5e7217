using NodeManager.Core.Status;

namespace NodeManager.Management;

// The bodies of the management API, v1. Renaming or removing a member is an incompatible change: bump
// ManagementApi.Version and keep the old shape until clients move.

/// <summary><c>GET /alive</c>, <c>GET /ready</c>.</summary>
public sealed record HealthResponse(int Version, string Status);

/// <summary><c>GET /districts</c>.</summary>
public sealed record DistrictListResponse(int Version, IReadOnlyList<DistrictStatus> Districts);

/// <summary><c>GET /districts/{name}</c>.</summary>
public sealed record DistrictResponse(int Version, DistrictStatus District);

/// <summary><c>GET /nodes</c>, optionally filtered by <c>?district=</c> and <c>?state=</c>.</summary>
public sealed record NodeListResponse(int Version, IReadOnlyList<NodeStatus> Nodes);

/// <summary><c>GET /nodes/{name}</c>: the node, and its district's last scaling decision.</summary>
public sealed record NodeResponse(int Version, NodeStatus Node, DecisionStatus? DistrictDecision);
