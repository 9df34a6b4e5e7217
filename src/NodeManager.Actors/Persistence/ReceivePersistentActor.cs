using Microsoft.Extensions.Logging;

namespace NodeManager.Actors.Persistence;

/// <summary>
/// An event-sourced actor in the style of Akka.Persistence's ReceivePersistentActor. Declare <see cref="Recover{T}"/>
/// handlers (events, <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) and <see cref="Command{T}"/>
/// handlers in the constructor. On start (and restart) the actor loads its latest snapshot and replays the events
/// after it before it sees any command. A command handler calls <see cref="Persist{T}"/>: the event handler runs only
/// once the write is durable, and no other message is processed meanwhile (they wait, in order).
/// Failures follow Akka: a failed or refused write stops the actor (run it under <c>BackoffSupervisor</c> with
/// <c>BackoffOptions.OnStop</c> and it comes back from what is durable); an event that cannot be serialized is
/// rejected, logged, and the actor carries on; a recovery that cannot read an event stops the actor.
/// Requires a <see cref="PersistenceExtension"/> registered on the actor system.
/// </summary>
public abstract partial class ReceivePersistentActor : ReceiveActor
{
    // Memory per idle actor matters (a node actor each, maybe a hundred thousand): the recovery handlers are dropped once
    // recovery is complete (a restart builds a new instance, which declares them again), and the writer id is kept as a
    // Guid and formatted only when writing.
    private List<RecoverHandler>? _recoverHandlers;
    private readonly Guid _writerUuid = Guid.NewGuid();
    private PersistenceExtension? _persistence;

    /// <summary>The stable id of this actor's event stream (e.g. "node-nm-3"); the same across restarts and members.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The sequence number of the last event recovered or persisted (0 for a fresh actor).</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number of the snapshot recovery started from, or of the last one saved; 0 when none.</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>True until <see cref="RecoveryCompleted"/> has been delivered.</summary>
    public bool IsRecovering { get; private set; } = true;

    /// <summary>
    /// Save a snapshot (of <see cref="SnapshotState"/>) after this many persisted events; 0 = use
    /// <c>node-manager.persistence.snapshot-every</c>. <c>snapshot-every-by-actor</c> overrides both.
    /// </summary>
    protected virtual int SnapshotEvery => 0;

    /// <summary>The state automatic snapshots save; null (the default) turns automatic snapshots off.</summary>
    protected virtual object? SnapshotState => null;

    /// <summary>A condition every write of this actor must meet in the journal's transaction (cluster fencing).</summary>
    protected virtual IWritePrecondition? WritePrecondition => null;

    protected PersistenceExtension Persistence => _persistence ??= Context.System.GetExtension<PersistenceExtension>();

    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_recoverHandlers ??= []).Add(new RecoverHandler(
            message => message is T typed && (shouldHandle is null || shouldHandle(typed)),
            message => handler((T)message)));
    }

    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Receive(handler, shouldHandle);

    /// <summary>An asynchronous command handler; events it persists are written when it has finished.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ReceiveAsync<T>(
            async command =>
            {
                _asyncCommandRunning = true;
                try
                {
                    await handler(command).ConfigureAwait(false);
                }
                finally
                {
                    _asyncCommandRunning = false;
                }

                await FlushAsync().ConfigureAwait(false);
            },
            shouldHandle);
    }

    protected void CommandAny(Action<object> handler) => ReceiveAny(handler);

    /// <summary>Called when a write failed or was refused (concurrency, precondition); the actor stops right after.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.LogError(cause,
            "Failed to persist event {EventType} with sequence number {SequenceNr} for persistence id {PersistenceId}; stopping",
            @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when an event was rejected (cannot be serialized); its handler does not run, the actor continues.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Log.LogWarning(cause,
            "Rejected event {EventType} with sequence number {SequenceNr} for persistence id {PersistenceId}: {Reason}",
            @event.GetType().Name, sequenceNr, PersistenceId, cause.Message);

    /// <summary>Called when recovery failed; the actor stops right after.</summary>
    protected virtual void OnRecoveryFailure(Exception cause) =>
        Log.LogError(cause, "Recovery of persistence id {PersistenceId} failed: {Reason}; stopping", PersistenceId, cause.Message);

    internal override void AroundPreStart()
    {
        base.AroundPreStart();
        RunTask(RecoverAsync);
    }

    internal override void AroundPostRestart(Exception reason)
    {
        base.AroundPostRestart(reason);
        RunTask(RecoverAsync);
    }

    internal override void AroundReceive(object message)
    {
        if (!Receive(message))
        {
            if (message is IPersistenceReply reply)
                OnUnhandledReply(reply);
            else
                Unhandled(message);
        }

        if (_pending is { Count: > 0 } && !_asyncCommandRunning)
            RunTask(FlushAsync);
    }

    private void OnUnhandledReply(IPersistenceReply reply)
    {
        switch (reply)
        {
            case SaveSnapshotFailure failure:
                Log.LogWarning(failure.Cause, "Saving snapshot {SequenceNr} of {PersistenceId} failed; recovery will replay more events",
                    failure.Metadata.SequenceNr, PersistenceId);
                break;
            case DeleteMessagesFailure failure:
                Log.LogWarning(failure.Cause, "Deleting events up to {SequenceNr} of {PersistenceId} failed",
                    failure.ToSequenceNr, PersistenceId);
                break;
        }
    }

    private sealed record RecoverHandler(Func<object, bool> Matches, Action<object> Handle);
}
