using System.Text.Json.Serialization;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Nodes;

/// <summary>
/// The protocol of <see cref="NodeLifecycleActor"/>: its journaled events (stable manifests in
/// <see cref="NodeLifecycleManifests"/>), the commands it takes and the reports it sends its district supervisor.
/// </summary>
public static class NodeLifecycle
{
    /// <summary>Every journaled event of a node; <see cref="At"/> is when it happened (virtual time in tests).</summary>
    public interface IEvent : IVersionedMessage
    {
        DateTimeOffset At { get; }
    }

    // ---- events: launch ----

    /// <summary>The node exists on paper: its index and names are taken (Requested).</summary>
    public sealed record NodeRequested(string LaunchId, string District, string Profile, int Index, string ServerName, string Host, DateTimeOffset At) : IEvent;

    /// <summary>Intent to create (or adopt) the server named <c>ServerName</c> for attempt <c>Attempt</c> (→ Booting).</summary>
    public sealed record ServerRequested(int Attempt, DateTimeOffset At) : IEvent;

    /// <summary>The cloud accepted or already had the server.</summary>
    public sealed record ServerCreated(string ServerId, DateTimeOffset At) : IEvent;

    /// <summary>The server is ACTIVE (→ VolumeAttaching when <c>AttachVolume</c>, else Joining).</summary>
    public sealed record ServerBooted(IReadOnlyList<string> Addresses, bool AttachVolume, DateTimeOffset At) : IEvent;

    /// <summary>The cloud accepted or already had the volume named like the host.</summary>
    public sealed record VolumeCreated(string VolumeId, DateTimeOffset At) : IEvent;

    /// <summary>The volume is in-use on the server (→ Joining: intent to add the node to the district).</summary>
    public sealed record VolumeAttached(string? Device, DateTimeOffset At) : IEvent;

    /// <summary>The platform accepted the node into the district (and DNS has its record when enabled).</summary>
    public sealed record NodeAdded(DateTimeOffset At) : IEvent;

    /// <summary>The platform reports the node ready (→ Active).</summary>
    public sealed record NodeJoined(DateTimeOffset At) : IEvent;

    /// <summary>
    /// The launch failed; what it built is cleaned up next, then the node retries, fails or aborts. <c>Kind</c> is null
    /// in events journaled before it existed.
    /// </summary>
    public sealed record LaunchFailed(string Reason, LaunchOutcome Outcome, DateTimeOffset At, LaunchFailureKind? Kind = null) : IEvent;

    /// <summary>Everything the failed attempt built is gone (→ Booting with the next attempt, Failed or Aborted).</summary>
    public sealed record LaunchCleanedUp(DateTimeOffset At) : IEvent;

    /// <summary>An Active node's server is gone (deleted behind our back, or a cloud that forgot it): clean up, then Failed.</summary>
    public sealed record NodeLost(string Reason, DateTimeOffset At) : IEvent;

    /// <summary>An Active node the platform no longer reports, whose server still exists: join it again (→ Joining).</summary>
    public sealed record RejoinStarted(string Reason, DateTimeOffset At) : IEvent;

    // ---- events: drain and reclaim ----

    /// <summary>Intent to drain (→ Draining); <c>Targets</c> are the district's other active hosts to move gears to.</summary>
    public sealed record DrainStarted(string Reason, IReadOnlyList<string> Targets, DateTimeOffset At) : IEvent;

    public sealed record NodeDeactivated(DateTimeOffset At) : IEvent;

    public sealed record GearMoved(string Gear, string Target, DateTimeOffset At) : IEvent;

    public sealed record GearMoveFailed(string Gear, string Target, string Error, DateTimeOffset At) : IEvent;

    /// <summary>The drain timed out with gears left: the node stays Draining and alerts; it is never deleted with gears.</summary>
    public sealed record DrainStalled(string Reason, DateTimeOffset At) : IEvent;

    /// <summary>No gears left (→ Reclaiming: intent to remove from the district and DNS, delete server and volume).</summary>
    public sealed record NodeDrained(DateTimeOffset At) : IEvent;

    public sealed record NodeRemoved(DateTimeOffset At) : IEvent;

    /// <summary>Server and volume are gone (→ Reclaimed).</summary>
    public sealed record NodeReclaimed(DateTimeOffset At) : IEvent;

    // ---- commands ----

    /// <summary>Start the lifecycle of a new node (sent once, right after the actor is created).</summary>
    public sealed record Launch(string LaunchId, string District, string Profile, int Index, string ServerName, string Host);

    /// <summary>Drain the node and give it back; ignored unless Active (answered with <see cref="DrainRefused"/>).</summary>
    public sealed record Drain(string Reason, IReadOnlyList<string> Targets);

    /// <summary>The answer to a drain the node or its district refused (crosses members as the operator's reply).</summary>
    public sealed record DrainRefused(string Host, string Reason) : IVersionedMessage;

    /// <summary>The platform stopped reporting this Active node: check its server, then rejoin it or give it up.</summary>
    public sealed class Verify
    {
        public static Verify Instance { get; } = new();

        private Verify() { }
    }

    /// <summary>Answered with <see cref="NodeView"/>.</summary>
    public sealed class GetView
    {
        public static GetView Instance { get; } = new();

        private GetView() { }
    }

    /// <summary>Internal: time to look at the world again (poll, deadline).</summary>
    internal sealed class Tick
    {
        public static Tick Instance { get; } = new();

        private Tick() { }
    }

    // ---- passivation (an idle Active node stops its actor; its district recreates it when needed) ----

    /// <summary>The node, Active and idle for <c>passivate-after</c>, asks its district to stop it.</summary>
    public sealed record Passivate(string LaunchId);

    /// <summary>
    /// The district's answer to <see cref="Passivate"/>, through the node's mailbox so that every command sent before it
    /// is handled first: the node stops if it is still idle, else it answers <see cref="PassivationDeclined"/>.
    /// </summary>
    public sealed class StopIdle
    {
        public static StopIdle Instance { get; } = new();

        private StopIdle() { }
    }

    /// <summary>The node got busy between <see cref="Passivate"/> and <see cref="StopIdle"/>; it keeps running.</summary>
    public sealed record PassivationDeclined(string LaunchId);

    /// <summary>Internal: the passivation timer fired; the node checks how long it has been idle.</summary>
    internal sealed class IdleCheck
    {
        public static IdleCheck Instance { get; } = new();

        private IdleCheck() { }
    }

    // ---- reports to the district supervisor ----

    /// <summary>Sent to the parent after every state change and after recovery.</summary>
    public sealed record NodeChanged(NodeView View);

    /// <summary>A launch was aborted because the cloud is exhausted; the supervisor backs off.</summary>
    public sealed record LaunchAborted(string Host, string Reason, ExhaustionScope Scope);

    /// <summary>To the supervisor: a step was refused because this member no longer holds the district; nothing was called.</summary>
    public sealed record FenceLost(string Host, string Reason);
}

/// <summary>What a failed launch turns into once cleaned up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LaunchOutcome>))]
public enum LaunchOutcome
{
    Retry,
    Fail,
    Abort,
}

/// <summary>Whom an exhaustion backs off: one district (no valid host) or the whole cloud (project quota).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExhaustionScope>))]
public enum ExhaustionScope
{
    District,
    Cloud,
}

/// <summary>A node as its supervisor and the status endpoint see it.</summary>
public sealed record NodeView(
    string LaunchId,
    string Host,
    string ServerName,
    string District,
    string Profile,
    int Index,
    NodePhase Phase,
    string? ServerId,
    string? VolumeId,
    string? LastError,
    bool Alerting,
    DateTimeOffset? ActiveSince,
    IReadOnlyList<Status.NodeHistoryEntry> History,
    LaunchFailureKind? FailureKind = null);
