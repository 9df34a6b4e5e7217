namespace NodeManager.Core.Status;

/// <summary>
/// One node host as the management endpoint shows it. A stable JSON shape (v1). <see cref="LaunchId"/> tells apart
/// finished nodes that held the same name one after the other. <see cref="ProtectedBy"/> is <c>file</c> or
/// <c>operator:&lt;token&gt;</c> while the node is protected from scale-in.
/// </summary>
public sealed record NodeStatus(
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
    IReadOnlyList<NodeHistoryEntry> History,
    bool Protected = false,
    string? ProtectedBy = null);

/// <summary>One step of a node's life, as journaled.</summary>
public sealed record NodeHistoryEntry(DateTimeOffset At, string State, string Event, string? Detail);
