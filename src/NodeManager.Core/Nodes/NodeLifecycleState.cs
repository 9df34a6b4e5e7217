using System.Collections.Immutable;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Nodes;

/// <summary>
/// A node's whole life as an immutable value: <see cref="Apply"/> folds one journaled event in (Petabridge style).
/// Everything the actor does next is decided from this state alone (<see cref="NodeLifecycleRules"/>), which is why a
/// node resumes exactly where it stood after any restart.
/// </summary>
public sealed record NodeLifecycleState
{
    /// <summary>
    /// How many history entries are kept in memory (the journal keeps all): the first (the request, which says when
    /// and why the node was asked for) and the latest ones.
    /// </summary>
    public const int HistoryLimit = 32;

    public static NodeLifecycleState Empty { get; } = new();

    // One string per phase for every history entry of every node (Enum.ToString allocates each time).
    private static readonly string[] PhaseNames = Enum.GetNames<NodePhase>();

    public string LaunchId { get; init; } = "";

    public string District { get; init; } = "";

    public string Profile { get; init; } = "";

    public int Index { get; init; }

    public string ServerName { get; init; } = "";

    public string Host { get; init; } = "";

    public NodePhase Phase { get; init; } = NodePhase.Requested;

    public DateTimeOffset PhaseSince { get; init; }

    public int Attempt { get; init; }

    public string? ServerId { get; init; }

    public string? VolumeId { get; init; }

    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>The platform accepted the node (Joining), or removed it (Reclaiming).</summary>
    public bool Added { get; init; }

    public bool Deactivated { get; init; }

    public bool Removed { get; init; }

    /// <summary>Set while a failed launch is being cleaned up: what it becomes afterwards.</summary>
    public LaunchOutcome? Cleanup { get; init; }

    public string? LastError { get; init; }

    /// <summary>Why the last launch attempt failed, when it did (null in lifecycles journaled before it was recorded).</summary>
    public LaunchFailureKind? FailureKind { get; init; }

    /// <summary>A drain timed out: the node needs an operator.</summary>
    public bool Alerting { get; init; }

    public DateTimeOffset? ActiveSince { get; init; }

    public IReadOnlyList<string> DrainTargets { get; init; } = [];

    public int GearsMoved { get; init; }

    public int GearMoveFailures { get; init; }

    /// <summary>The first and the latest journaled events (at most <see cref="HistoryLimit"/>), oldest first, built on demand.</summary>
    public ImmutableArray<NodeHistoryEntry> History => [.. _history.Select(ToEntry)];

    /// <summary>The detail of the latest history entry, or null.</summary>
    public string? LatestHistoryDetail => _history.Length > 0 ? ToEntry(_history[^1]).Detail : null;

    // Kept compact because an idle node actor lives long and there may be a hundred thousand of them: a 24-byte mark per
    // event with its time (UTC), the phase after it, and either the event's name (a string every node shares) or, when
    // the entry has a detail, the event itself; details are formatted when the history is read (by the status
    // endpoint), not on every event.
    private ImmutableArray<HistoryMark> _history = [];

    public bool IsLaunched => LaunchId.Length > 0;

    public NodeLifecycleState Apply(IEvent e)
    {
        var next = e switch
        {
            NodeRequested r => this with
            {
                LaunchId = r.LaunchId, District = r.District, Profile = r.Profile, Index = r.Index,
                ServerName = r.ServerName, Host = r.Host, Phase = NodePhase.Requested, PhaseSince = r.At,
            },
            ServerRequested r => this with { Phase = NodePhase.Booting, PhaseSince = r.At, Attempt = r.Attempt, Cleanup = null },
            ServerCreated c => this with { ServerId = c.ServerId },
            ServerBooted b => this with
            {
                Addresses = b.Addresses,
                Phase = b.AttachVolume ? NodePhase.VolumeAttaching : NodePhase.Joining,
                PhaseSince = b.At,
            },
            VolumeCreated v => this with { VolumeId = v.VolumeId },
            VolumeAttached a => this with { Phase = NodePhase.Joining, PhaseSince = a.At },
            NodeAdded => this with { Added = true },
            NodeJoined j => this with { Phase = NodePhase.Active, PhaseSince = j.At, ActiveSince = j.At, LastError = null, FailureKind = null },
            LaunchFailed f => this with { Cleanup = f.Outcome, LastError = f.Reason, FailureKind = f.Kind },
            LaunchCleanedUp c => AfterCleanup(c.At),
            NodeLost l => this with { Cleanup = LaunchOutcome.Fail, LastError = l.Reason },
            RejoinStarted r => this with { Phase = NodePhase.Joining, PhaseSince = r.At, Added = false, LastError = r.Reason },
            DrainStarted d => this with { Phase = NodePhase.Draining, PhaseSince = d.At, DrainTargets = d.Targets, Alerting = false },
            NodeDeactivated => this with { Deactivated = true },
            GearMoved => this with { GearsMoved = GearsMoved + 1 },
            GearMoveFailed f => this with { GearMoveFailures = GearMoveFailures + 1, LastError = f.Error },
            DrainStalled s => this with { Alerting = true, LastError = s.Reason },
            NodeDrained d => this with { Phase = NodePhase.Reclaiming, PhaseSince = d.At, Alerting = false },
            NodeRemoved => this with { Removed = true, Added = false },
            NodeReclaimed r => this with { Phase = NodePhase.Reclaimed, PhaseSince = r.At, ServerId = null, VolumeId = null },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not a node lifecycle event"),
        };
        return next with { _history = AddHistory(next, e) };
    }

    private NodeLifecycleState AfterCleanup(DateTimeOffset at) => Cleanup switch
    {
        LaunchOutcome.Retry => this with
        {
            Phase = NodePhase.Booting, PhaseSince = at, Attempt = Attempt + 1, Cleanup = null,
            ServerId = null, VolumeId = null, Added = false, Addresses = [],
        },
        LaunchOutcome.Abort => this with { Phase = NodePhase.Aborted, PhaseSince = at, Cleanup = null, ServerId = null, VolumeId = null, Added = false },
        _ => this with { Phase = NodePhase.Failed, PhaseSince = at, Cleanup = null, ServerId = null, VolumeId = null, Added = false },
    };

    private ImmutableArray<HistoryMark> AddHistory(NodeLifecycleState next, IEvent e)
    {
        var mark = new HistoryMark(e.At.UtcDateTime, next.Phase, DetailOf(e) is null ? e.GetType().Name : e);
        var history = _history.Add(mark);
        return history.Length > HistoryLimit ? history.RemoveAt(1) : history;
    }

    private static NodeHistoryEntry ToEntry(HistoryMark mark) => mark.NameOrEvent is IEvent e
        ? new(new DateTimeOffset(mark.At), PhaseNames[(int)mark.Phase], e.GetType().Name, DetailOf(e))
        : new(new DateTimeOffset(mark.At), PhaseNames[(int)mark.Phase], (string)mark.NameOrEvent, null);

    private static string? DetailOf(IEvent e) => e switch
    {
        ServerCreated c => $"server {c.ServerId}",
        VolumeCreated v => $"volume {v.VolumeId}",
        LaunchFailed f => $"{f.Outcome.ToString().ToLowerInvariant()}: {f.Reason}",
        DrainStarted d => d.Reason,
        GearMoved g => $"{g.Gear} → {g.Target}",
        GearMoveFailed g => $"{g.Gear} → {g.Target}: {g.Error}",
        DrainStalled s => s.Reason,
        NodeLost l => l.Reason,
        RejoinStarted r => r.Reason,
        ServerRequested r => $"attempt {r.Attempt}",
        _ => null,
    };

    public NodeView ToView() => new(LaunchId, Host, ServerName, District, Profile, Index, Phase, ServerId, VolumeId, LastError,
        Alerting, ActiveSince, History, FailureKind);

    private readonly record struct HistoryMark(DateTime At, NodePhase Phase, object NameOrEvent);
}
