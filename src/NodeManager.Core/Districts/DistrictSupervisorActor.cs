using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Fencing;
using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Core.Districts;

/// <summary>
/// One district, persistent: owns its node actors, names new nodes (lowest free index), journals its decisions,
/// cool-down timestamps and exhaustion back-off, and publishes a <see cref="DistrictView"/> after every change.
/// Before a launch it checks the cloud's limits (cached); a quota or no-valid-host answer aborts the launch, backs the
/// district (or the whole cloud) off and raises the "exhausted" condition until capacity returns.
/// </summary>
public sealed partial class DistrictSupervisorActor : ReceivePersistentActor, IWithTimers
{
    private readonly ControllerServices _services;

    // Decisions are journaled whenever their reason changes: a snapshot every so many events keeps recovery short (0: never).
    private readonly int _snapshotEvery;
    private readonly ILogger _log;
    private readonly Dictionary<string, NodeView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);
    // Finished nodes seen in this incarnation, with the history their actors reported; after a restart the journaled
    // FinishedNodes alone describe them.
    private readonly Dictionary<string, NodeView> _finishedViews = new(StringComparer.Ordinal);
    private IReadOnlySet<string> _reportedHosts = new HashSet<string>();
    private IReadOnlyList<PolicyCondition> _conditions = [];
    // The usage of the capacity read behind _state.LastDecision: set only together with the decision.
    private double? _utilisation;
    private DistrictState _state;
    private readonly Dictionary<string, int> _restarts = new(StringComparer.Ordinal);
    private bool _launching;
    private bool _recovered;
    private readonly IDistrictFence _fence;
    private bool _fenced;

    public DistrictSupervisorActor(string name, ControllerServices services)
    {
        _services = services;
        _log = services.Loggers.District(name);
        _state = new DistrictState(name);
        _snapshotEvery = services.Snapshots.For(typeof(DistrictSupervisorActor));
        _fence = services.Fences.For(name);

        Recover<SnapshotOffer>(offer => _state = (DistrictState)offer.Snapshot);
        Recover<IEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<Decide>(OnDecide);
        Command<LimitsChecked>(OnLimitsChecked);
        Command<NodeLifecycle.NodeChanged>(OnNodeChanged);
        Command<NodeLifecycle.LaunchAborted>(OnLaunchAborted);
        Command<NodeLifecycle.FenceLost>(lost => StopFenced(lost.Reason));
        Command<RequestDrain>(OnRequestDrain);
        Command<Operate>(OnOperate);
        Command<Terminated>(OnTerminated);
        Command<RecreateNode>(r => StartNode(r.LaunchId));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => LogSnapshotFailed(_log, Name, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        CommandPassivation();
    }

    public override string PersistenceId => PersistenceIdFor(_state.Name);

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdFor(string district) => $"district-{district}";

    private string Name => _state.Name;

    /// <summary>The file's settings for this district, as configured.</summary>
    private DistrictSettings FileSettings => _services.Districts.For(Name);

    /// <summary>What the district scales by: the file's settings with the operator's overrides over them.</summary>
    private DistrictSettings Settings => OverrideRules.Effective(FileSettings, _state);

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    private void OnRecovered()
    {
        _recovered = true;
        KeepFinished();
        _services.Board.DistrictFaults.TryRemove(Name, out _);
        if (!FenceHeld()) return;
        foreach (var launchId in _state.Nodes.Keys) StartNode(launchId);
        Publish();
    }

    private void OnDecide(Decide decide)
    {
        if (!FenceHeld()) return;
        if (_state.Profile != decide.Profile)
            Record(new DistrictStarted(decide.Profile, Now));
        _conditions = decide.Conditions;
        var decision = decide.Decision;
        _services.Metrics.DecisionMade(Name, decision.Kind);
        if (_state.LastDecision is not { } last || last.Kind != decision.Kind || last.Reason != decision.Reason)
            Record(new DecisionRecorded(decision.Kind, decision.Reason, Now), e =>
            {
                _utilisation = decide.Utilisation;
                LogDecision(_log, Name, decision.Kind, decision.Reason);
                Publish();
            });
        else
            _utilisation = decide.Utilisation; // the same decision again, made from this read

        if (decide.ReportedHosts is { } reported)
            _reportedHosts = reported;
        if (decide.ReportedHosts is { } reportedNow)
            foreach (var lost in _views.Values.Where(v => v.Phase == NodePhase.Active && !reportedNow.Contains(v.Host)))
                TellNode(lost.LaunchId, NodeLifecycle.Verify.Instance);

        switch (decision)
        {
            case ScaleUp when decide.LaunchesSeen < _state.NextSeq - 1:
                // Decided from a view older than a launch journaled since: the policy did not count that launch, so
                // acting on it could launch twice. The next cycle decides again from a view that has it.
                LogStaleScaleUp(_log, Name, decide.LaunchesSeen, _state.NextSeq - 1);
                break;
            case ScaleUp up:
                BeginLaunch(up);
                break;
            case ScaleDown down:
                StartDrain(down.Node, down.Reason, decide.ServingHosts);
                break;
            default:
                MaybeProbeRecovery();
                break;
        }

        Publish();
    }

    /// <summary>Checks the cloud's limits off the actor's turn; the launch continues in <see cref="OnLimitsChecked"/>.</summary>
    private void BeginLaunch(ScaleUp up)
    {
        if (_launching || LaunchesWait()) return;
        _launching = true;
        var nextSeq = _state.NextSeq;
        _services.Limits.GetAsync(CancellationToken.None)
            .PipeTo(Self, success: limits => new LimitsChecked(up, nextSeq, limits, null), failure: error => new LimitsChecked(up, nextSeq, null, error));
    }

    private void OnLimitsChecked(LimitsChecked check)
    {
        _launching = false;
        if (check.Error is not null)
        {
            _services.Board.CloudFault = $"reading the limits failed: {check.Error.Message}";
            LogLimitsUnknown(_log, Name, check.Error.Message);
            return;
        }

        _services.Board.CloudFault = null;
        // A back-off may have begun while the limits were read (a launch failed, the cloud refused one); a launch may have
        // been journaled since the check began, which this decision did not count.
        if (check.Up.Count > 0 && (LaunchesWait() || check.NextSeq != _state.NextSeq)) return;

        var profile = _services.Profiles.For(_state.Profile);
        var volumeGb = profile.Volume.Enabled ? profile.Volume.SizeGb : 0;
        var limits = check.Limits!.Limits.Reserve(InFlight(check.Limits.ReadAt));
        if (limits.FirstExhausted(profile.Cores, profile.RamMb, volumeGb) is { } resource)
        {
            Exhausted(ExhaustionScope.Cloud, $"quota headroom: no room for one more node ({resource}: {Describe(limits, resource)})", byLimits: true);
            return;
        }

        // An exhaustion whose back-off ran out stays raised while launches try again: only a node launched since it began
        // becoming Active proves capacity back (OnNodeChanged clears it, proven, and the next exhaustion starts from the
        // shortest back-off), and a launch refused again doubles it. Without demand there is no launch to prove it, so
        // the recovery probe clears it on headroom alone, unproven: limits never show "no valid host", and a refusal
        // soon after keeps doubling.
        if (check.Up.Count == 0) ClearExhaustion("limits show headroom again", proven: false);
        var fit = limits.NodesThatFit(profile.Cores, profile.RamMb, volumeGb);
        var count = (int)Math.Min(check.Up.Count, fit);
        var launched = 0;
        var taken = TakenIndexes(profile);
        // Indexes held by unmanaged hosts do not count against max-nodes' range of names.
        var maxIndex = Math.Max(Settings.MaxNodes, 1) + taken.Count - _state.Nodes.Count;
        var seq = _state.NextSeq;
        for (var i = 0; i < count; i++)
        {
            if (NodeName.Lowest(profile.Naming, Name, _state.Profile, taken, maxIndex) is not { } name) break;
            taken.Add(name.Index);
            // Journal the name first; the node actor starts once it is durable.
            Record(new NodeLaunchRequested($"{Name}-{seq++}", name.Index, name.ServerName, name.Host, Now), e =>
            {
                _services.Metrics.LaunchStarted(Name, _state.Profile);
                StartNode(e.LaunchId);
            });
            launched++;
        }

        // The decision was logged once when recorded; only a launch the quota or the names cut short is worth a line.
        if (launched < check.Up.Count)
            LogLaunchCut(_log, Name, launched, check.Up.Count, fit < check.Up.Count
                ? $"the quota has room for {fit} more, counting launches in flight"
                : $"no free node name up to index {maxIndex}");
        if (launched > 0)
            Record(new ScaledUp(launched, check.Up.Reason, Now), _ => Publish());
    }

    /// <summary>
    /// Indexes a new node must not take: those of live nodes and nodes still being cleaned up, and those whose host name
    /// the capacity document reports for a host this district does not manage (an unmanaged host named like ours).
    /// </summary>
    private HashSet<int> TakenIndexes(ProfileSettings profile)
    {
        var taken = _state.TakenIndexes.ToHashSet();
        if (_reportedHosts.Count == 0) return taken;
        var ours = _state.Nodes.Values.Select(n => n.Host).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i <= Math.Max(Settings.MaxNodes, 1) + _reportedHosts.Count; i++)
        {
            var host = NodeName.For(profile.Naming, Name, _state.Profile, i).Host;
            if (_reportedHosts.Contains(host) && !ours.Contains(host)) taken.Add(i);
        }

        return taken;
    }

    /// <summary>Trims the journaled finished nodes to <c>lifecycle.finished-kept</c> and forgets views of trimmed ones.</summary>
    private void KeepFinished()
    {
        var before = _state.FinishedNodes;
        _state = _state.KeepingFinished(_services.Lifecycle.FinishedKept);
        foreach (var trimmed in before.Take(before.Count - _state.FinishedNodes.Count)) _finishedViews.Remove(trimmed.LaunchId);
    }

    /// <summary>Quota that launches in flight here and in the other districts will take but limits read at <paramref name="readAt"/> miss.</summary>
    private Reservation InFlight(DateTimeOffset readAt) => LaunchReservations.Of(
        _services.Board.Districts.Values.Where(v => v.Name != Name).SelectMany(v => v.Nodes).Concat(_views.Values),
        _state.Nodes.Keys.Where(id => !_views.ContainsKey(id)).Select(_ => _state.Profile),
        readAt,
        _services.Profiles.For);

    /// <summary>
    /// Drains <paramref name="host"/> when <see cref="OverrideRules.DrainRefusal"/> allows it; <paramref name="refused"/>
    /// gets the reason otherwise, <paramref name="accepted"/> runs once the drain is journaled.
    /// </summary>
    private void StartDrain(string host, string reason, IReadOnlyList<string> servingHosts, Action<string>? refused = null, Action? accepted = null)
    {
        var node = _views.Values.FirstOrDefault(v => v.Host == host);
        if (OverrideRules.DrainRefusal(host, node?.Phase, Settings) is { } refusal)
        {
            LogDrainRefused(_log, Name, host, refusal);
            refused?.Invoke(refusal);
            return;
        }

        var targets = servingHosts.Concat(_views.Values.Where(v => v.Phase == NodePhase.Active).Select(v => v.Host))
            .Where(h => h != host).Distinct(StringComparer.Ordinal).ToList();
        Record(new ScaleDownStarted(host, reason, Now), e =>
        {
            TellNode(node!.LaunchId, new NodeLifecycle.Drain(reason, targets));
            accepted?.Invoke();
            Publish();
        });
    }

    private void OnRequestDrain(RequestDrain request)
    {
        var replyTo = Sender;
        var node = _views.Values.FirstOrDefault(v => v.Host == request.Host);
        if (OverrideRules.DrainRefusal(request.Host, node?.Phase, Settings) is null)
            Record(new OperatorActionRecorded(OperatorAction.Drain.Name(), request.Host, request.By, request.Reason, Now));
        StartDrain(request.Host, $"operator {request.By}: {request.Reason}", ServingHosts(),
            refusal => replyTo.Tell(new NodeLifecycle.DrainRefused(request.Host, refusal)),
            () => replyTo.Tell(new DrainAccepted(request.Host)));
    }

    /// <summary>The hosts of this district that can take gears, as the last capacity document reported them.</summary>
    private IReadOnlyList<string> ServingHosts() => _services.Board.LastDocument is { } document
        ? Capacity.CapacitySnapshots.ServingHosts(document, Name, _services.Board.Districts.GetValueOrDefault(Name))
        : [];

    private void OnNodeChanged(NodeLifecycle.NodeChanged changed)
    {
        var view = changed.View;
        if (view.LaunchId.Length == 0) return; // a fresh actor before its Launch is journaled
        NodeChangeMetrics.Report(_services.Metrics, _views.GetValueOrDefault(view.LaunchId), view);
        if (view.Phase.IsTerminal())
        {
            _views.Remove(view.LaunchId);
            if (_state.Nodes.ContainsKey(view.LaunchId))
            {
                _finishedViews[view.LaunchId] = view;
                // Until NodeFinished is journaled the node is still live in the state; publish again once it is not,
                // or readers see it both finished and (as a placeholder) Requested until the next capacity cycle.
                Record(new NodeFinished(view.LaunchId, view.Phase, Now, view.LastError), _ =>
                {
                    KeepFinished();
                    Publish();
                });
                if (view.Phase == NodePhase.Failed && view.ActiveSince is null) LaunchFailed(view);
            }
        }
        else
        {
            _restarts.Remove(view.LaunchId);
            // A passivated node recreated for a drain reports Active again: it did not just become Active.
            var wasActive = _views.TryGetValue(view.LaunchId, out var before) && before.Phase == NodePhase.Active;
            _views[view.LaunchId] = view;
            if (view.Phase == NodePhase.Active && !wasActive && _state.LaunchFailing is not null)
                Record(new LaunchFailingCleared(Now), _ =>
                {
                    LogLaunchesWork(_log, Name, view.Host);
                    Publish();
                });
            // Capacity is proven back only by a node launched after the exhaustion began; one launched in the same instant
            // came with the launch the cloud refused.
            if (view.Phase == NodePhase.Active && _state.Backoff is { } backoff && view.History.Count > 0 && view.History[0].At > backoff.Since)
                ClearExhaustion($"{view.Host}, launched since, became Active", proven: true);
        }

        Publish();
    }

    /// <summary>
    /// A node ended Failed before it was ever Active: its launch failed for a lasting reason (its retries are spent, or
    /// the cloud refused it outright). Back the district's launches off, doubling per failure in a row.
    /// </summary>
    private void LaunchFailed(NodeView node)
    {
        var scaling = _services.Scaling;
        var message = $"{node.Host}: {node.LastError ?? "failed"}";
        var failing = BackoffState.Raise(_state.LaunchFailing, message, Now, scaling.LaunchFailureBackoffMin, scaling.LaunchFailureBackoffMax);
        Record(new LaunchFailingRaised(message, failing.Since, failing.RetryAt, failing.Attempts, Now), e =>
        {
            if (e.Attempts >= scaling.LaunchFailureErrorAfter)
                LogLaunchesFailingError(_log, Name, e.Attempts, e.RetryAt, e.Message);
            else
                LogLaunchesFailing(_log, Name, e.Attempts, e.RetryAt, e.Message);
            Publish();
        });
    }

    private void OnLaunchAborted(NodeLifecycle.LaunchAborted aborted)
    {
        _services.Limits.Invalidate();
        Exhausted(aborted.Scope, aborted.Reason, byLimits: false);
    }

    private void Exhausted(ExhaustionScope scope, string message, bool byLimits)
    {
        var now = Now;
        var backoff = scope == ExhaustionScope.Cloud
            ? _services.Board.RaiseCloudBackoff(message, now, _services.Scaling)
            : _state.Backoff is { } b && b.IsActive(now) ? b
            : BackoffState.Raise(_state.Backoff ?? _state.PreviousBackoff, message, now, _services.Scaling.ExhaustionBackoffMin, _services.Scaling.ExhaustionBackoffMax);
        if (_state.Backoff == backoff) return;
        Record(new ExhaustionRaised(scope, backoff.Message, backoff.Since, backoff.RetryAt, backoff.Attempts, byLimits, now), e =>
        {
            LogExhausted(_log, Name, scope, backoff.RetryAt, backoff.Message);
            Publish();
        });
    }

    /// <summary>After the back-off has run out, a limits check with headroom clears the condition even without demand.</summary>
    private void MaybeProbeRecovery()
    {
        if (_state.Backoff is not { } b || b.IsActive(Now) || _launching) return;
        _launching = true;
        var probe = new ScaleUp(Name, 0, "probe");
        var nextSeq = _state.NextSeq;
        _services.Limits.GetAsync(CancellationToken.None)
            .PipeTo(Self, success: limits => new LimitsChecked(probe, nextSeq, limits, null), failure: error => new LimitsChecked(probe, nextSeq, null, error));
    }

    private void ClearExhaustion(string why, bool proven)
    {
        if (_state.Backoff is null) return;
        if (_state.BackoffScope == ExhaustionScope.Cloud) _services.Board.ClearCloudBackoff(proven);
        Record(new ExhaustionCleared(proven, Now), e =>
        {
            LogRecovered(_log, Name, why);
            Publish();
        });
    }

    /// <summary>True while an exhaustion back-off (the district's or the cloud's) or a launch-failing back-off runs.</summary>
    private bool LaunchesWait() => ActiveBackoff() is not null || _state.LaunchFailing is { } f && f.IsActive(Now);

    private BackoffState? ActiveBackoff()
    {
        var now = Now;
        if (_state.Backoff is { } b && b.IsActive(now)) return b;
        return _services.Board.CloudBackoff is { } c && c.IsActive(now) ? c : null;
    }

    private void StartNode(string launchId)
    {
        if (!_state.Nodes.TryGetValue(launchId, out var node) || _children.ContainsKey(launchId)) return;
        var seq = launchId[(launchId.LastIndexOf('-') + 1)..];
        var child = Context.ActorOf(
            Props.Create(typeof(NodeLifecycleActor),
                launchId, _services.RunnerFor(Name, _state.Profile), _services.Lifecycle, _services.Time, _services.Loggers.Node(Name, node.Host)),
            $"node-{node.Host}-{seq}");
        Context.Watch(child);
        _children[launchId] = child;
        child.Tell(new NodeLifecycle.Launch(launchId, Name, _state.Profile, node.Index, node.ServerName, node.Host));
    }

    private void OnTerminated(Terminated terminated)
    {
        var entry = _children.FirstOrDefault(kv => kv.Value.Equals(terminated.ActorRef));
        if (entry.Key is null) return;
        _children.Remove(entry.Key);
        if (StoppedIdle(entry.Key)) return;
        // A node that stopped before finishing (its journal failed) comes back from its journal, after a back-off that
        // doubles while it keeps failing.
        if (_state.Nodes.ContainsKey(entry.Key))
        {
            var failures = _restarts[entry.Key] = _restarts.GetValueOrDefault(entry.Key) + 1;
            Timers.StartSingleTimer($"recreate-{entry.Key}", new RecreateNode(entry.Key), _services.Lifecycle.RestartDelay(failures));
        }
    }

    private bool FenceHeld()
    {
        if (_fence.Check() is { Held: false } lost) StopFenced(lost.Reason);
        return !_fenced;
    }

    /// <summary>
    /// This member no longer holds the district (another member may drive it now): stop with every node, changing
    /// nothing more. Nothing fails: each lifecycle is journaled where it stood and resumes wherever the district starts next.
    /// </summary>
    private void StopFenced(string reason)
    {
        if (_fenced) return;
        _fenced = true;
        LogFenceLost(_log, Name, reason);
        Context.Stop(Self);
    }

    /// <summary>Journals <paramref name="e"/>, folds it into the state, snapshots every <c>snapshot-every</c> events, then runs <paramref name="then"/>.</summary>
    private void Record<TEvent>(TEvent e, Action<TEvent>? then = null)
        where TEvent : IEvent =>
        Persist(e, persisted =>
        {
            _state = _state.Apply(persisted);
            if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0) SaveSnapshot(_state);
            then?.Invoke(persisted);
        });

    /// <summary>The journal failed to replay: one warning line; the parent restarts the district with back-off.</summary>
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _services.Board.DistrictFaults[Name] = $"recovery failed: {RecoveryFailure.Describe(PersistenceId, LastSequenceNr, reason, message)}";
        JournalFailureLog.RecoveryFailed(_log, RecoveryFailure.Describe(PersistenceId, LastSequenceNr, reason, message));
        Context.Stop(Self);
    }

    /// <summary>A journal write failed: stop (Akka's rule); the parent restarts the district from its journal with back-off.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _services.Board.DistrictFaults[Name] = $"journal write failed at sequence number {sequenceNr}: {cause.Message}";
        JournalFailureLog.PersistFailed(_log, PersistenceId, sequenceNr, @event.GetType().Name, cause.Message);
        Context.Stop(Self);
    }

    /// <summary>The journal refused an event: nothing of it happened; the next capacity cycle decides again.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        LogPersistRejected(_log, PersistenceId, sequenceNr, @event.GetType().Name, cause.Message);

    private void Publish() => _services.Board.Publish(new DistrictView(
        Name, _state.Profile, Settings, [.. LiveViews().OrderBy(v => v.Index)],
        FinishedViews(), _state, _conditions, _recovered, _utilisation));

    /// <summary>
    /// What the live nodes last reported, and a Requested view of each launch journaled whose node has not reported yet:
    /// the policy counts it as in flight (max-concurrent-launches) before its actor says a word. A node that reported its
    /// end while its NodeFinished is being written is finished already, not Requested.
    /// </summary>
    private IEnumerable<NodeView> LiveViews() => _state.Nodes.Count == _views.Count
        ? _views.Values
        : _views.Values.Concat(_state.Nodes.Values.Where(n => !_views.ContainsKey(n.LaunchId) && !_finishedViews.ContainsKey(n.LaunchId)).Select(n => new NodeView(
            n.LaunchId, n.Host, n.ServerName, Name, _state.Profile, n.Index, NodePhase.Requested, null, null, null, false, null, [])));

    /// <summary>The journaled finished nodes, then those whose NodeFinished is still being written.</summary>
    private IReadOnlyList<NodeView> FinishedViews()
    {
        var journaled = _state.FinishedNodes.Select(f => _finishedViews.GetValueOrDefault(f.LaunchId) ?? FinishedView(f)).ToList();
        if (journaled.Count == _finishedViews.Count) return journaled;
        var ids = _state.FinishedNodes.Select(f => f.LaunchId).ToHashSet(StringComparer.Ordinal);
        return [.. journaled, .. _finishedViews.Values.Where(v => !ids.Contains(v.LaunchId))];
    }

    private NodeView FinishedView(FinishedNode f) => new(
        f.LaunchId, f.Host, f.ServerName, Name, _state.Profile, f.Index, f.Phase, null, null, f.LastError, false, null,
        [new Status.NodeHistoryEntry(f.At, f.Phase.ToString(), nameof(NodeFinished), f.LastError)]);

    private static string Describe(CloudLimits limits, string resource)
    {
        var q = resource switch
        {
            "instances" => limits.Instances,
            "cores" => limits.Cores,
            "ram" => limits.RamMb,
            "volumes" => limits.Volumes,
            _ => limits.VolumeGigabytes,
        };
        return $"{q.Used} of {q.Limit} used";
    }

    /// <summary>The limits read for <paramref name="Up"/>, begun when the district's next launch was <paramref name="NextSeq"/>.</summary>
    private sealed record LimitsChecked(ScaleUp Up, int NextSeq, ReadLimits? Limits, Exception? Error);

    private sealed record RecreateNode(string LaunchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{PersistenceId}: the journal rejected {Event} (sequence number {SequenceNr}); the next capacity cycle decides again: {Reason}")]
    private static partial void LogPersistRejected(ILogger logger, string persistenceId, long sequenceNr, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{District}: snapshot failed, recovery replays more events until the next one: {Reason}")]
    private static partial void LogSnapshotFailed(ILogger logger, string district, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{District}: {Kind}: {Reason}")]
    private static partial void LogDecision(ILogger logger, string district, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{District}: launching {Launched} of the {Wanted} node(s) decided: {Why}")]
    private static partial void LogLaunchCut(ILogger logger, string district, int launched, int wanted, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{District}: EXHAUSTED ({Scope}), launches wait until {RetryAt:HH:mm:ss}: {Message}")]
    private static partial void LogExhausted(ILogger logger, string district, ExhaustionScope scope, DateTimeOffset retryAt, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{District}: LAUNCH FAILED ({Attempts} in a row), launches wait until {RetryAt:HH:mm:ss}: {Message}")]
    private static partial void LogLaunchesFailing(ILogger logger, string district, int attempts, DateTimeOffset retryAt, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{District}: LAUNCH FAILED ({Attempts} in a row), launches wait until {RetryAt:HH:mm:ss}: {Message}")]
    private static partial void LogLaunchesFailingError(ILogger logger, string district, int attempts, DateTimeOffset retryAt, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{District}: {Host} became Active; launches work again")]
    private static partial void LogLaunchesWork(ILogger logger, string district, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "{District}: capacity is back ({Why}); exhaustion cleared")]
    private static partial void LogRecovered(ILogger logger, string district, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{District}: not acting on a scale-up decided when {Seen} launch(es) were journaled, now {Launches}")]
    private static partial void LogStaleScaleUp(ILogger logger, string district, int seen, int launches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{District}: cannot read the cloud's limits, not launching this time: {Error}")]
    private static partial void LogLimitsUnknown(ILogger logger, string district, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{District}: this member no longer holds the district, stopping it and its nodes without further changes (they resume wherever the district runs next): {Reason}")]
    private static partial void LogFenceLost(ILogger logger, string district, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{District}: not draining {Host}: {Reason}")]
    private static partial void LogDrainRefused(ILogger logger, string district, string host, string reason);
}
