namespace NodeManager.Cli.Endpoint;

// The management API's bodies (v1) as `nodemgr` reads them. Fields an older endpoint does not send default to empty,
// so that the client reads every endpoint of version 1; unknown fields are ignored.

/// <summary><c>GET /cluster/members</c>.</summary>
public sealed record MembersBody(
    int Version, string SelfNode, string? Leader, string? Oldest, IReadOnlyList<MemberBody> Members, IReadOnlyList<UnreachableBody>? Unreachable);

public sealed record MemberBody(string Node, string NodeUid, string Status, IReadOnlyList<string>? Roles);

public sealed record UnreachableBody(string Node, string Status);

/// <summary><c>GET /districts</c>.</summary>
public sealed record DistrictListBody(int Version, IReadOnlyList<DistrictBody> Districts);

/// <summary><c>GET /districts/{name}</c>.</summary>
public sealed record DistrictEnvelope(int Version, DistrictBody District);

/// <summary>
/// One district; <see cref="Paused"/>, <see cref="MinNodes"/> and <see cref="MaxNodes"/> are the values in effect, and
/// <see cref="Overrides"/> names those an operator set at run time (absent: the configuration file's).
/// </summary>
public sealed record DistrictBody(
    string Name,
    string Profile,
    int MinNodes,
    int MaxNodes,
    bool Paused,
    IReadOnlyDictionary<string, int>? NodesByState,
    double? Utilisation,
    DecisionBody? LastDecision,
    IReadOnlyList<ConditionBody>? Conditions,
    string? Owner = null,
    IReadOnlyList<OverrideBody>? Overrides = null);

public sealed record DecisionBody(string Kind, string Reason, DateTimeOffset At);

public sealed record ConditionBody(string Type, string Message, DateTimeOffset Since, DateTimeOffset? RetryAt);

/// <summary>A value an operator set at run time: <c>paused</c> (<c>"true"</c>) or <c>bounds</c> (<c>"1..5"</c>).</summary>
public sealed record OverrideBody(string Setting, string Value, string By, DateTimeOffset At, string? Reason);

/// <summary><c>GET /nodes</c>.</summary>
public sealed record NodeListBody(int Version, IReadOnlyList<NodeBody> Nodes);

/// <summary><c>GET /nodes/{name}</c>: the node and its district's last decision.</summary>
public sealed record NodeEnvelope(int Version, NodeBody Node, DecisionBody? DistrictDecision);

/// <summary>One node; <see cref="ProtectedBy"/> is <c>file</c> or <c>operator:NAME</c> when it is protected from scale-in.</summary>
public sealed record NodeBody(
    string Name,
    string LaunchId,
    string ServerName,
    string District,
    string Profile,
    string State,
    string? ServerId,
    string? VolumeId,
    int? ActiveGears,
    string? LastError,
    IReadOnlyList<HistoryBody>? History,
    bool Protected = false,
    string? ProtectedBy = null);

public sealed record HistoryBody(DateTimeOffset At, string State, string Event, string? Detail);

/// <summary><c>GET /events</c>, newest first.</summary>
public sealed record EventListBody(int Version, IReadOnlyList<EventBody> Events);

/// <summary>One event: <see cref="Kind"/> is <c>node</c>, <c>decision</c>, <c>condition</c> or <c>operator</c>.</summary>
public sealed record EventBody(long Id, DateTimeOffset At, string Kind, string District, string? Node, string Type, string Message);

/// <summary>The answer to an operator action; <see cref="Changed"/> is false when it was already in effect.</summary>
public sealed record ActionResultBody(int Version, string Action, string Target, string By, DateTimeOffset At, string? Reason, bool Changed);
