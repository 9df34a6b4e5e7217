using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Cloud;
using NodeManager.Core.Fencing;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Nodes;

/// <summary>
/// One node's life, persistent. A thin shell around <see cref="NodeLifecycleState"/> and <see cref="NodeLifecycleRules"/>:
/// on every tick it checks the phase's deadline, asks the rules for the next step, runs it with
/// <see cref="NodeStepRunner"/> off the actor's turn, journals what happened, and reports to its district supervisor.
/// Persist first, then act: a phase is journaled before the call it implies, and every call is idempotent by name, so a
/// crash anywhere resumes without doubling or leaking a server or volume. Stops itself once terminal, and once Active
/// and idle for a while (passivation, see the partial file).
/// An <see cref="UntypedPersistentActor"/>: one switch each for commands and recovery instead of per-type handler
/// tables, because a node actor is idle most of its life and there may be a hundred thousand of them.
/// </summary>
public sealed partial class NodeLifecycleActor : UntypedPersistentActor, IWithTimers
{
    private const string TickTimer = "tick";
    private const string DeadlineTimer = "deadline";

    private readonly string _launchId;
    private readonly NodeStepRunner _runner;
    private readonly NodeLifecycleSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private NodeLifecycleState _state = NodeLifecycleState.Empty;
    private bool _busy;

    // Kept until NodeRequested is journaled, so that a rejected first write is retried on the next tick.
    private Launch? _launch;
    private string? _lastTransientError;

    public NodeLifecycleActor(string launchId, NodeStepRunner runner, NodeLifecycleSettings settings, TimeProvider time, ILogger log)
    {
        _launchId = launchId;
        _runner = runner;
        _settings = settings;
        _time = time;
        _log = log;
        // A node never snapshots (its journal is short): skipping the snapshot store saves a query per recovery.
        SnapshotPluginId = NoSnapshotStore;
    }

    /// <summary>Akka's snapshot store that holds nothing and answers at once.</summary>
    public const string NoSnapshotStore = "akka.persistence.no-snapshot-store";

    public override string PersistenceId => PersistenceIdFor(_launchId);

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdFor(string launchId) => $"node-{launchId}";

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case IEvent e:
                _state = _state.Apply(e);
                break;
            case RecoveryCompleted:
                AfterChange();
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        NoteActivity(message);
        switch (message)
        {
            case Tick:
                OnTick();
                break;
            case StepDone done:
                OnStepDone(done);
                break;
            case StepFailed failed:
                OnStepFailed(failed);
                break;
            case Launch launch:
                OnLaunch(launch);
                break;
            case Drain drain:
                OnDrain(drain);
                break;
            case Verify:
                OnVerify();
                break;
            case GetView:
                Sender.Tell(_state.ToView());
                break;
            case IdleCheck:
                OnIdleCheck();
                break;
            case StopIdle:
                OnStopIdle();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnLaunch(Launch launch)
    {
        if (_state.IsLaunched) return; // sent again after every (re)creation; the journal already has it
        _launch = launch;
        Persist(new NodeRequested(launch.LaunchId, launch.District, launch.Profile, launch.Index, launch.ServerName, launch.Host, Now), e =>
        {
            _state = _state.Apply(e);
            _launch = null;
            LogRequested(_log, _state.Host, _state.ServerName, _state.District);
            AfterChange();
        });
    }

    private void OnDrain(Drain drain)
    {
        if (_state.Phase != NodePhase.Active)
        {
            Sender.Tell(new DrainRefused(_state.Host, $"{_state.Host} is {_state.Phase}, not Active"));
            return;
        }

        Persist(new DrainStarted(drain.Reason, drain.Targets, Now), e =>
        {
            _state = _state.Apply(e);
            LogTransition(_log, _state.Host, nameof(DrainStarted), _state.Phase, drain.Reason);
            AfterChange();
        });
    }

    private void OnTick()
    {
        if (_busy) return;
        if (!_state.IsLaunched)
        {
            if (_launch is { } launch) OnLaunch(launch);
            return;
        }

        if (NodeLifecycleRules.OnDeadline(_state, _settings, Now) is { } overdue)
        {
            PersistEvents([overdue]);
            return;
        }

        Run(NodeLifecycleRules.Next(_state));
    }

    private void OnVerify()
    {
        if (!_busy && _state.Phase == NodePhase.Active && _state.Cleanup is null) Run(NodeStep.VerifyServer);
    }

    private void Run(NodeStep step)
    {
        if (step == NodeStep.None) return;
        _busy = true;
        var state = _state;
        _runner.RunAsync(state, step, Now, CancellationToken.None)
            .PipeTo(Self, success: events => new StepDone(step, events), failure: error => new StepFailed(step, error));
    }

    private void OnStepDone(StepDone done)
    {
        _busy = false;
        if (done.Events.Count == 0)
        {
            Timers.StartSingleTimer(TickTimer, Tick.Instance, _settings.PollInterval);
            return;
        }

        PersistEvents(done.Events);
    }

    private void OnStepFailed(StepFailed failed)
    {
        _busy = false;
        var error = failed.Error;
        // Not this node's failure: its district stops (and logs why); the step runs wherever the district runs next.
        if (error is FenceLostException lost)
        {
            Context.Parent.Tell(new FenceLost(_state.Host, lost.Reason));
            return;
        }

        if (error is CloudException cloud && NodeLifecycleRules.OnCloudError(_state, failed.Step, cloud, _settings, Now) is { } verdict)
        {
            PersistEvents([verdict], NodeLifecycleRules.ScopeOf(cloud));
            return;
        }

        _lastTransientError = error.Message;
        if (error is CloudException or PlatformException)
            LogStepRetry(_log, _state.Host, failed.Step, error.Message);
        else
            LogStepBug(_log, error, _state.Host, failed.Step);
        Context.Parent.Tell(new NodeChanged(View()));
        Timers.StartSingleTimer(TickTimer, Tick.Instance, _settings.PollInterval);
    }

    /// <summary>Journals, applies and logs events; an aborted launch is reported to the supervisor with <paramref name="abortScope"/>.</summary>
    private void PersistEvents(IReadOnlyList<IEvent> events, ExhaustionScope abortScope = ExhaustionScope.District)
    {
        var remaining = events.Count;
        PersistAll(events, persisted =>
        {
            var before = _state.Phase;
            _state = _state.Apply(persisted);
            _lastTransientError = null;
            LogEvent(persisted, before);
            if (persisted is LaunchFailed { Outcome: LaunchOutcome.Abort } abort)
                Context.Parent.Tell(new LaunchAborted(_state.Host, abort.Reason, abortScope));

            if (--remaining == 0) AfterChange();
        });
    }

    private string HistoryDetail() => _state.LatestHistoryDetail ?? "";

    /// <summary>
    /// One line per transition, at the level an operator needs: bad news (a failed launch attempt, a lost node, a failed
    /// gear move, a stalled drain) at WARN, a node that ends Failed or Aborted at ERROR, everything else at INFO.
    /// </summary>
    private void LogEvent(IEvent persisted, NodePhase before)
    {
        var name = persisted.GetType().Name;
        if (_state.Phase is NodePhase.Failed or NodePhase.Aborted && before != _state.Phase)
            LogEnded(_log, _state.Host, name, _state.Phase, _state.LastError ?? HistoryDetail());
        else if (persisted is LaunchFailed or NodeLost or GearMoveFailed or DrainStalled)
            LogBadNews(_log, _state.Host, name, _state.Phase, HistoryDetail());
        else if (_state.Phase != before)
            LogTransition(_log, _state.Host, name, _state.Phase, HistoryDetail());
    }

    /// <summary>Reports the new state, arms the deadline, and either runs the next step at once or stops when terminal.</summary>
    private void AfterChange()
    {
        Context.Parent.Tell(new NodeChanged(View()));
        if (!_state.IsLaunched) return;
        if (_state.Phase.IsTerminal())
        {
            Timers.CancelAll();
            Context.Stop(Self);
            return;
        }

        if (NodeLifecycleRules.Deadline(_state, _settings) is { } deadline)
            Timers.StartSingleTimer(DeadlineTimer, Tick.Instance, deadline - Now > TimeSpan.Zero ? deadline - Now : TimeSpan.Zero);
        else
            Timers.Cancel(DeadlineTimer);
        ArmPassivation();
        Self.Tell(Tick.Instance);
    }

    /// <summary>The journal failed to replay: one warning line; the district supervisor recreates the actor later.</summary>
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        JournalFailureLog.RecoveryFailed(_log, RecoveryFailure.Describe(PersistenceId, LastSequenceNr, reason, message));
        Context.Stop(Self);
    }

    /// <summary>A journal write failed: stop (Akka's rule), the district supervisor recreates the actor from its journal.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        JournalFailureLog.PersistFailed(_log, PersistenceId, sequenceNr, @event.GetType().Name, cause.Message);
        Context.Stop(Self);
    }

    /// <summary>
    /// The journal refused an event (it is not stored, the actor lives on): the step that produced it runs again on
    /// the next tick — every step is idempotent by name, so the cloud ends up the same.
    /// </summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        LogPersistRejected(_log, PersistenceId, sequenceNr, @event.GetType().Name, cause.Message);
        _busy = false;
        Timers.StartSingleTimer(TickTimer, Tick.Instance, _settings.PollInterval);
    }

    private NodeView View()
    {
        var view = _state.ToView();
        return _lastTransientError is null || view.LastError is not null ? view : view with { LastError = _lastTransientError };
    }

    private sealed record StepDone(NodeStep Step, IReadOnlyList<IEvent> Events);

    private sealed record StepFailed(NodeStep Step, Exception Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{PersistenceId}: the journal rejected {Event} (sequence number {SequenceNr}); the step runs again on the next poll: {Reason}")]
    private static partial void LogPersistRejected(ILogger logger, string persistenceId, long sequenceNr, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host}: requested as server {ServerName} in district {District}")]
    private static partial void LogRequested(ILogger logger, string host, string serverName, string district);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host}: {Event} ({Phase}): {Detail}")]
    private static partial void LogBadNews(ILogger logger, string host, string @event, NodePhase phase, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Host}: {Event} → {Phase}: {Cause}")]
    private static partial void LogEnded(ILogger logger, string host, string @event, NodePhase phase, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host}: {Event} → {Phase} {Detail}")]
    private static partial void LogTransition(ILogger logger, string host, string @event, NodePhase phase, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host}: {Step} failed, retrying on the next poll: {Error}")]
    private static partial void LogStepRetry(ILogger logger, string host, NodeStep step, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Host}: {Step} failed unexpectedly, retrying on the next poll")]
    private static partial void LogStepBug(ILogger logger, Exception error, string host, NodeStep step);
}
