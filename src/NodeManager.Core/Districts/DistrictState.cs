using System.Collections.Immutable;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;
using NodeManager.Core.Status;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Core.Districts;

/// <summary>A district's journaled state as an immutable value; <see cref="Apply"/> folds one event in.</summary>
public sealed record DistrictState(string Name) : IVersionedMessage
{
    public string Profile { get; init; } = "";

    /// <summary>The sequence number of the next launch (launch ids are <c>&lt;district&gt;-&lt;seq&gt;</c>, never reused).</summary>
    public int NextSeq { get; init; } = 1;

    /// <summary>Live nodes (not yet Reclaimed, Failed or Aborted) by launch id.</summary>
    public ImmutableDictionary<string, DistrictNode> Nodes { get; init; } = ImmutableDictionary<string, DistrictNode>.Empty;

    public DateTimeOffset? LastScaleUpAt { get; init; }

    public DateTimeOffset? LastScaleDownAt { get; init; }

    public BackoffState? Backoff { get; init; }

    public ExhaustionScope BackoffScope { get; init; }

    public bool BackoffByLimits { get; init; }

    /// <summary>The last back-off cleared without proof; the next exhaustion doubles from it.</summary>
    public BackoffState? PreviousBackoff { get; init; }

    /// <summary>Launches fail for a lasting reason: no launch until its <c>RetryAt</c>; cleared by the next Active node.</summary>
    public BackoffState? LaunchFailing { get; init; }

    public DecisionStatus? LastDecision { get; init; }

    public int Finished { get; init; }

    /// <summary>The most recent finished nodes, oldest first, so that /nodes still shows them after a restart.</summary>
    public ImmutableList<FinishedNode> FinishedNodes { get; init; } = [];

    /// <summary>The operator's pause or resume over the file's <c>paused</c>; null: the file's value applies.</summary>
    public PausedOverride? PausedOverride { get; init; }

    /// <summary>The operator's run-time bounds over the file's; null: the file's apply.</summary>
    public BoundsOverride? BoundsOverride { get; init; }

    /// <summary>Hosts an operator protected from scale-in, beside the file's <c>scale-in-protected</c>.</summary>
    public ImmutableDictionary<string, NodeProtection> ProtectedNodes { get; init; } = ImmutableDictionary<string, NodeProtection>.Empty;

    /// <summary>The last <see cref="RecentActionsKept"/> operator actions on this district and its nodes, oldest first.</summary>
    public ImmutableList<OperatorActionRecord> RecentActions { get; init; } = [];

    /// <summary>How many operator actions <see cref="RecentActions"/> keeps.</summary>
    public const int RecentActionsKept = 32;

    public DistrictState Apply(IEvent e) => e is IOperatorEvent o ? ApplyOperator(o).Remembering(o.ToRecord(Name)) : ApplyController(e);

    private DistrictState ApplyOperator(IOperatorEvent e) => e switch
    {
        ScalingPaused p => this with { PausedOverride = p.Override is { } paused ? new PausedOverride(paused, p.By, p.Reason, p.At) : null },
        ScalingResumed r => this with { PausedOverride = r.Override is { } paused ? new PausedOverride(paused, r.By, r.Reason, r.At) : null },
        BoundsSet b => this with { BoundsOverride = new BoundsOverride(b.MinNodes, b.MaxNodes, b.By, b.Reason, b.At) },
        BoundsCleared => this with { BoundsOverride = null },
        NodeProtected p => this with { ProtectedNodes = ProtectedNodes.SetItem(p.Host, new NodeProtection(p.By, p.Reason, p.At)) },
        NodeUnprotected u => this with { ProtectedNodes = ProtectedNodes.Remove(u.Host) },
        FailedLaunchRetried r => this with
        {
            NextSeq = NextSeq + 1,
            Nodes = Nodes.SetItem(r.LaunchId, new DistrictNode(r.LaunchId, r.Index, r.ServerName, r.Host)),
            FinishedNodes = FinishedNodes.RemoveAll(f => f.LaunchId == r.FailedLaunchId),
        },
        FailedNodeForgotten f => this with { FinishedNodes = FinishedNodes.RemoveAll(n => n.LaunchId == f.LaunchId) },
        _ => this,
    };

    private DistrictState Remembering(OperatorActionRecord action)
    {
        var actions = RecentActions.Add(action);
        return this with { RecentActions = actions.Count > RecentActionsKept ? actions.RemoveRange(0, actions.Count - RecentActionsKept) : actions };
    }

    private DistrictState ApplyController(IEvent e) => e switch
    {
        DistrictStarted s => this with { Profile = s.Profile },
        NodeLaunchRequested r => this with
        {
            NextSeq = NextSeq + 1,
            Nodes = Nodes.SetItem(r.LaunchId, new DistrictNode(r.LaunchId, r.Index, r.ServerName, r.Host)),
        },
        NodeFinished f => this with
        {
            Nodes = Nodes.Remove(f.LaunchId),
            Finished = Finished + 1,
            FinishedNodes = Nodes.TryGetValue(f.LaunchId, out var n)
                ? FinishedNodes.Add(new FinishedNode(n.LaunchId, n.Index, n.ServerName, n.Host, f.Phase, f.At, f.LastError))
                : FinishedNodes,
        },
        ScaledUp u => this with { LastScaleUpAt = u.At },
        ScaleDownStarted d => this with { LastScaleDownAt = d.At },
        DecisionRecorded d => this with { LastDecision = new DecisionStatus(d.Kind, d.Reason, d.At) },
        ExhaustionRaised x => this with
        {
            Backoff = new BackoffState(x.Message, x.Since, x.RetryAt, x.Attempts), BackoffScope = x.Scope, BackoffByLimits = x.ByLimits,
        },
        ExhaustionCleared c => this with { Backoff = null, PreviousBackoff = c.Proven ? null : Backoff },
        LaunchFailingRaised f => this with { LaunchFailing = new BackoffState(f.Message, f.Since, f.RetryAt, f.Attempts) },
        LaunchFailingCleared => this with { LaunchFailing = null },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not a district event"),
    };

    public IReadOnlySet<int> TakenIndexes => Nodes.Values.Select(n => n.Index).ToHashSet();

    /// <summary>This state keeping only the <paramref name="count"/> most recent finished nodes.</summary>
    public DistrictState KeepingFinished(int count) =>
        FinishedNodes.Count <= count ? this : this with { FinishedNodes = FinishedNodes.RemoveRange(0, FinishedNodes.Count - count) };
}

/// <summary>A node that reached Reclaimed, Failed or Aborted, as its district remembers it.</summary>
public sealed record FinishedNode(string LaunchId, int Index, string ServerName, string Host, NodePhase Phase, DateTimeOffset At, string? LastError);

/// <summary>A live node as its supervisor journals it.</summary>
public sealed record DistrictNode(string LaunchId, int Index, string ServerName, string Host);
