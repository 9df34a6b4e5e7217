using Akka.Actor;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Core.Districts;

/// <summary>
/// Operator actions: each is checked against <see cref="OverrideRules"/>, journaled with who asked, why and when (so it
/// survives restarts and take-overs, and overrides the file's settings until cleared), then answered with an
/// <see cref="OperatorOutcome"/>. An action already in effect journals nothing and answers <c>Changed</c> false.
/// </summary>
public sealed partial class DistrictSupervisorActor
{
    private void OnOperate(Operate operate)
    {
        var request = operate.Request;
        var replyTo = Sender;
        // Another member may drive the district now: it journals, not this one (the ask times out).
        if (!FenceHeld()) return;
        switch (request.Action)
        {
            case OperatorAction.Pause:
                var (pause, pausedOverride) = OverrideRules.Pause(FileSettings, _state);
                Apply(replyTo, request, Name, pause, () => new ScalingPaused(pausedOverride, request.By, request.Reason, Now));
                break;
            case OperatorAction.Resume:
                var (resume, resumedOverride) = OverrideRules.Resume(FileSettings, _state);
                Apply(replyTo, request, Name, resume, () => new ScalingResumed(resumedOverride, request.By, request.Reason, Now));
                break;
            case OperatorAction.SetBounds when OverrideRules.BoundsError(request.Min, request.Max) is { } invalid:
                replyTo.Tell(OperatorOutcome.Refused(OperatorVerdict.Invalid, request, Now, invalid));
                break;
            case OperatorAction.SetBounds:
                Apply(replyTo, request, Name, OverrideRules.BoundsChange(_state, request.Min!.Value, request.Max!.Value),
                    () => new BoundsSet(request.Min.Value, request.Max.Value, request.By, request.Reason, Now));
                break;
            case OperatorAction.ClearBounds:
                Apply(replyTo, request, Name, _state.BoundsOverride is not null, () => new BoundsCleared(request.By, request.Reason, Now));
                break;
            case OperatorAction.ScaleNow:
                // Nothing of the district's own changes; the controller asks the capacity watcher once this is answered.
                Apply(replyTo, request, Name, true, () => new OperatorActionRecorded(request.Action.Name(), Name, request.By, request.Reason, Now));
                break;
            default:
                OnOperateNode(request, operate.LaunchId, replyTo);
                break;
        }
    }

    private void OnOperateNode(OperatorRequest request, string? launchId, IActorRef replyTo)
    {
        if (launchId is null || Locate(launchId) is not var (host, phase))
        {
            replyTo.Tell(OperatorOutcome.Refused(OperatorVerdict.UnknownTarget, request, Now, $"No node of district '{Name}' is named '{request.Target}'."));
            return;
        }

        switch (request.Action)
        {
            case OperatorAction.Protect:
                Apply(replyTo, request, host, !_state.ProtectedNodes.ContainsKey(host), () => new NodeProtected(host, request.By, request.Reason, Now),
                    FileSettings.ScaleInProtected.Contains(host) ? $"{host} is also protected by the file's scale-in-protected" : null);
                break;
            case OperatorAction.Unprotect:
                Apply(replyTo, request, host, _state.ProtectedNodes.ContainsKey(host), () => new NodeUnprotected(host, request.By, request.Reason, Now),
                    FileSettings.ScaleInProtected.Contains(host) ? $"{host} stays protected by the file's scale-in-protected" : null);
                break;
            case OperatorAction.Drain:
                Drain(request, host, phase, replyTo);
                break;
            case OperatorAction.Retry:
                Retry(request, launchId, host, phase, replyTo);
                break;
            case OperatorAction.Forget:
                if (OverrideRules.FailedOnlyRefusal(host, phase, "forgotten") is { } notFailed)
                {
                    replyTo.Tell(OperatorOutcome.Refused(OperatorVerdict.Conflict, request, Now, notFailed) with { Target = host });
                    return;
                }

                Apply(replyTo, request, host, true, () => new FailedNodeForgotten(launchId, host, request.By, request.Reason, Now),
                    then: () => _finishedViews.Remove(launchId));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Action, "not a node action");
        }
    }

    private void Drain(OperatorRequest request, string host, NodePhase phase, IActorRef replyTo)
    {
        // A live node's phase as it last reported it; the rule sees the same phase the drain below will.
        var live = _views.Values.FirstOrDefault(v => v.Host == host)?.Phase;
        if (OverrideRules.DrainRefusal(host, live ?? phase, Settings) is { } refusal)
        {
            replyTo.Tell(OperatorOutcome.Refused(OperatorVerdict.Conflict, request, Now, refusal) with { Target = host });
            return;
        }

        var reason = $"operator {request.By}" + (request.Reason is { Length: > 0 } why ? $": {why}" : "");
        Apply(replyTo, request, host, true, () => new OperatorActionRecorded(request.Action.Name(), host, request.By, request.Reason, Now),
            then: () => StartDrain(host, reason, ServingHosts()));
    }

    /// <summary>
    /// Launches a Failed node again: a new launch (new launch id) under the same names when its index is still free,
    /// else under the lowest free one; the failed node leaves the finished list. Refused at max-nodes.
    /// </summary>
    private void Retry(OperatorRequest request, string launchId, string host, NodePhase phase, IActorRef replyTo)
    {
        var refusal = OverrideRules.FailedOnlyRefusal(host, phase, "retried") ?? OverrideRules.RetryCapacityRefusal(_state.Nodes.Count, Settings);
        var failed = _state.FinishedNodes.LastOrDefault(f => f.LaunchId == launchId);
        var profile = _services.Profiles.For(_state.Profile);
        var taken = TakenIndexes(profile);
        var name = failed is null ? null
            : !taken.Contains(failed.Index) ? new NodeName(failed.Index, failed.ServerName, failed.Host)
            : NodeName.Lowest(profile.Naming, Name, _state.Profile, taken, Math.Max(Settings.MaxNodes, 1) + taken.Count - _state.Nodes.Count);
        refusal ??= failed is null ? $"{host} is still finishing; ask again in a moment"
            : name is null ? "no free node name" : null;
        if (refusal is not null)
        {
            replyTo.Tell(OperatorOutcome.Refused(OperatorVerdict.Conflict, request, Now, refusal) with { Target = host });
            return;
        }

        var newLaunchId = $"{Name}-{_state.NextSeq}";
        Apply(replyTo, request, name!.Host, true,
            () => new FailedLaunchRetried(launchId, newLaunchId, name.Index, name.ServerName, name.Host, request.By, request.Reason, Now),
            then: () =>
            {
                _finishedViews.Remove(launchId);
                _services.Metrics.LaunchStarted(Name, _state.Profile);
                StartNode(newLaunchId);
            });
    }

    /// <summary>The host and state of a node this district knows by launch id: live (as last reported) or finished.</summary>
    private (string Host, NodePhase Phase)? Locate(string launchId)
    {
        if (_views.TryGetValue(launchId, out var view)) return (view.Host, view.Phase);
        if (_state.Nodes.TryGetValue(launchId, out var node)) return (node.Host, NodePhase.Requested);
        if (_state.FinishedNodes.LastOrDefault(f => f.LaunchId == launchId) is { } finished) return (finished.Host, finished.Phase);
        return _finishedViews.TryGetValue(launchId, out var ending) ? (ending.Host, ending.Phase) : null;
    }

    /// <summary>
    /// Journals the event of an action that <paramref name="changes"/> something, then runs <paramref name="then"/>,
    /// publishes and answers; an action already in effect is answered at once, journaling nothing.
    /// </summary>
    private void Apply<TEvent>(
        IActorRef replyTo, OperatorRequest request, string target, bool changes, Func<TEvent> happened, string? detail = null, Action? then = null)
        where TEvent : IOperatorEvent
    {
        if (!changes)
        {
            replyTo.Tell(new OperatorOutcome(OperatorVerdict.Done, request.Action, target, request.By, request.Reason, Now, false, detail));
            return;
        }

        Record(happened(), e =>
        {
            LogOperatorAction(_log, Name, e.By, request.Action.Name(), target, e.Reason ?? "no reason given");
            then?.Invoke();
            Publish();
            replyTo.Tell(new OperatorOutcome(OperatorVerdict.Done, request.Action, target, e.By, e.Reason, e.At, true, detail));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{District}: operator {By}: {Action} {Target} ({Reason})")]
    private static partial void LogOperatorAction(ILogger logger, string district, string by, string action, string target, string reason);
}
