using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Districts;

/// <summary>The protocol of <see cref="DistrictSupervisorActor"/>: its journaled events and the commands it takes.</summary>
public static class DistrictSupervisor
{
    public interface IEvent : IVersionedMessage
    {
        DateTimeOffset At { get; }
    }

    /// <summary>The district's profile as the capacity source reports it (journaled when first seen or changed).</summary>
    public sealed record DistrictStarted(string Profile, DateTimeOffset At) : IEvent;

    /// <summary>Intent to launch a node: its launch id, index and names are taken before its actor exists.</summary>
    public sealed record NodeLaunchRequested(string LaunchId, int Index, string ServerName, string Host, DateTimeOffset At) : IEvent;

    /// <summary>
    /// A node reached Reclaimed, Failed or Aborted: its index is free again and its actor is not recreated.
    /// <c>LastError</c> (absent in events written before it existed) is why a Failed or Aborted node ended.
    /// </summary>
    public sealed record NodeFinished(string LaunchId, NodePhase Phase, DateTimeOffset At, string? LastError = null) : IEvent;

    public sealed record ScaledUp(int Count, string Reason, DateTimeOffset At) : IEvent;

    public sealed record ScaleDownStarted(string Host, string Reason, DateTimeOffset At) : IEvent;

    /// <summary>A decision whose kind or reason differs from the last one journaled (holds repeat every cycle).</summary>
    public sealed record DecisionRecorded(string Kind, string Reason, DateTimeOffset At) : IEvent;

    /// <summary>
    /// The cloud said no: launches here wait until <c>RetryAt</c>; <c>Scope</c> says whether the whole cloud is out;
    /// <c>ByLimits</c> when the limits check before a launch found no headroom, false when the cloud refused a launch.
    /// </summary>
    public sealed record ExhaustionRaised(
        ExhaustionScope Scope, string Message, DateTimeOffset Since, DateTimeOffset RetryAt, int Attempts, bool ByLimits, DateTimeOffset At) : IEvent;

    /// <summary>
    /// A launch failed for a reason that does not go away by itself (its node ended Failed before it was ever Active):
    /// launches wait until <c>RetryAt</c>; <c>Attempts</c> counts failed launches in a row.
    /// </summary>
    public sealed record LaunchFailingRaised(string Message, DateTimeOffset Since, DateTimeOffset RetryAt, int Attempts, DateTimeOffset At) : IEvent;

    /// <summary>A node launched by this district became Active: launches work again.</summary>
    public sealed record LaunchFailingCleared(DateTimeOffset At) : IEvent;

    /// <summary>
    /// Capacity is back: limits show headroom again, or (<c>Proven</c>) a node launched since the exhaustion became
    /// Active. Unless proven, the back-off is remembered so that a refusal soon after keeps doubling it.
    /// </summary>
    public sealed record ExhaustionCleared(bool Proven, DateTimeOffset At) : IEvent;

    /// <summary>
    /// The watcher's decision for this district, with the hosts gears may move to, the policy's conditions for the
    /// district's profile, and every host the capacity document reported (null when the source failed): an Active node
    /// missing from it is told to verify itself. <c>LaunchesSeen</c> is how many launches the district had journaled in
    /// the view the decision was made from: a scale-up decided before a later launch was journaled is not acted on.
    /// <see cref="Utilisation"/> is the district's usage in percent in the same capacity read the decision was made from
    /// (null when no node serves or the source failed), shown beside the decision.
    /// </summary>
    public sealed record Decide(
        string Profile, ScalingDecision Decision, IReadOnlyList<string> ServingHosts, IReadOnlyList<PolicyCondition> Conditions,
        IReadOnlySet<string>? ReportedHosts = null, int LaunchesSeen = 0, double? Utilisation = null) : IVersionedMessage;

    /// <summary>
    /// Asks to drain one node; answered with <see cref="DrainAccepted"/> or <see cref="NodeLifecycle.DrainRefused"/>.
    /// <c>By</c> (absent in messages of earlier releases) names who asked; the drain is among the district's recent actions.
    /// </summary>
    public sealed record RequestDrain(string Host, string Reason, string By = "operator") : IVersionedMessage;

    public sealed record DrainAccepted(string Host) : IVersionedMessage;

    // ---- operator actions (see OverrideRules for what each may do) ----

    /// <summary>
    /// An operator action on this district or one of its nodes (<c>LaunchId</c> names the node, resolved by the
    /// controller from the name the operator gave); answered with <see cref="OperatorOutcome"/>.
    /// </summary>
    public sealed record Operate(OperatorRequest Request, string? LaunchId = null) : IVersionedMessage;

    /// <summary>An event an operator's action caused: it is also remembered among the district's recent actions.</summary>
    public interface IOperatorEvent : IEvent
    {
        string By { get; }

        string? Reason { get; }

        /// <summary>The action as <see cref="DistrictState.RecentActions"/> lists it.</summary>
        OperatorActionRecord ToRecord(string district);
    }

    /// <summary>
    /// Scaling paused by an operator. <c>Override</c> is what the district's <c>paused</c> is set to over the file's
    /// value (null: the override is cleared because the file already pauses it).
    /// </summary>
    public sealed record ScalingPaused(bool? Override, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("pause", district, By, Reason, At);
    }

    /// <summary>Scaling resumed by an operator; <c>Override</c> as for <see cref="ScalingPaused"/>.</summary>
    public sealed record ScalingResumed(bool? Override, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("resume", district, By, Reason, At);
    }

    /// <summary>Run-time bounds that override the file's <c>min-nodes</c> and <c>max-nodes</c> until cleared.</summary>
    public sealed record BoundsSet(int MinNodes, int MaxNodes, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("bounds", district, By, $"{MinNodes}..{MaxNodes}" + (Reason is null ? "" : $": {Reason}"), At);
    }

    /// <summary>The run-time bounds are cleared: the file's apply again.</summary>
    public sealed record BoundsCleared(string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("clear-bounds", district, By, Reason, At);
    }

    /// <summary>An operator protected a host from scale-in.</summary>
    public sealed record NodeProtected(string Host, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("protect", Host, By, Reason, At);
    }

    /// <summary>An operator removed their protection of a host (the file's protection, if any, stays).</summary>
    public sealed record NodeUnprotected(string Host, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("unprotect", Host, By, Reason, At);
    }

    /// <summary>
    /// An action that changes nothing of the district's own (a drain, whose node journals it, or an evaluation asked
    /// for now), journaled so that it stays among the recent actions.
    /// </summary>
    public sealed record OperatorActionRecorded(string Action, string Target, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new(Action, Target, By, Reason, At);
    }

    /// <summary>
    /// A Failed node launched again: the failed node leaves the finished list and a new launch (a new launch id, the same
    /// host name when its index is still free) starts in its place.
    /// </summary>
    public sealed record FailedLaunchRetried(
        string FailedLaunchId, string LaunchId, int Index, string ServerName, string Host, string By, string? Reason, DateTimeOffset At)
        : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("retry", Host, By, Reason, At);
    }

    /// <summary>A Failed node the operator no longer wants listed: it leaves the finished list (its journal keeps it).</summary>
    public sealed record FailedNodeForgotten(string LaunchId, string Host, string By, string? Reason, DateTimeOffset At) : IOperatorEvent
    {
        public OperatorActionRecord ToRecord(string district) => new("forget", Host, By, Reason, At);
    }
}
