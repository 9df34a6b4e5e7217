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

/// <summary>
/// <c>GET /cluster/members</c>, in Akka Management's shape: this member's address, the leader, the oldest Up member
/// (where the capacity watcher runs), every member, and the unreachable ones.
/// </summary>
public sealed record ClusterMembersResponse(
    int Version, string SelfNode, string? Leader, string? Oldest,
    IReadOnlyList<ClusterMemberResponse> Members, IReadOnlyList<UnreachableMemberResponse> Unreachable);

/// <summary>One member: its address, unique id (a restarted process on the same address gets a new one), status and roles.</summary>
public sealed record ClusterMemberResponse(string Node, string NodeUid, string Status, IReadOnlyList<string> Roles);

/// <summary>A member some member's failure detector no longer hears, and its membership status.</summary>
public sealed record UnreachableMemberResponse(string Node, string Status);

/// <summary>
/// The answer to an operator action: what was done to whom, by which token, when and why. <c>Changed</c> is false when
/// the action was already in effect (a repeat is harmless); <c>Detail</c> adds what the operator should know, or null.
/// </summary>
public sealed record OperatorActionResponse(
    int Version, string Action, string Target, string By, DateTimeOffset At, string? Reason, bool Changed, string? Detail);
