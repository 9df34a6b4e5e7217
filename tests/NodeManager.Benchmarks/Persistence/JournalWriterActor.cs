using Akka.Actor;
using Akka.Persistence;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Writes what it is told under one persistence id, through the configured journal and snapshot store: histories for
/// the recovery suite, single events for the write suite. Answers once each write or snapshot is durable.
/// </summary>
public sealed class JournalWriterActor : UntypedPersistentActor
{
    /// <summary>Akka's snapshot store that has none: recovery asks it nothing.</summary>
    public const string NoSnapshotStore = NodeManager.Core.Nodes.NodeLifecycleActor.NoSnapshotStore;

    // The setup asks for one snapshot at a time and waits for it.
    private IActorRef? _snapshotReplyTo;

    /// <param name="snapshots">False: recovery skips the snapshot store (an actor type that never takes snapshots).</param>
    public JournalWriterActor(string persistenceId, bool snapshots)
    {
        PersistenceId = persistenceId;
        if (!snapshots) SnapshotPluginId = NoSnapshotStore;
    }

    public override string PersistenceId { get; }

    public static Props PropsFor(string persistenceId, bool snapshots = true) =>
        Props.Create(() => new JournalWriterActor(persistenceId, snapshots));

    protected override void OnRecover(object message)
    {
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Ping:
                Sender.Tell(LastSequenceNr);
                break;
            case Write write:
                var replyTo = Sender;
                var remaining = write.Events.Count;
                PersistAll(write.Events, _ =>
                {
                    if (--remaining == 0) replyTo.Tell(LastSequenceNr);
                });
                break;
            case WriteOne one:
                Persist(one.Event, _ => one.Round.Signal());
                break;
            case TakeSnapshot snapshot:
                _snapshotReplyTo = Sender;
                SaveSnapshot(snapshot.State);
                break;
            case SaveSnapshotSuccess saved:
                _snapshotReplyTo?.Tell(saved.Metadata.SequenceNr);
                break;
            case SaveSnapshotFailure failed:
                _snapshotReplyTo?.Tell(new Status.Failure(failed.Cause));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Answered with the last sequence number once recovered.</summary>
    public sealed class Ping
    {
        public static Ping Instance { get; } = new();

        private Ping()
        {
        }
    }

    /// <summary>Persists the events as one atomic write; answered with the last sequence number.</summary>
    public sealed record Write(IReadOnlyList<object> Events);

    /// <summary>Persists one event and signals the round (no reply, so that a thousand writers need no thousand asks).</summary>
    public sealed record WriteOne(object Event, CountdownEvent Round);

    /// <summary>Saves the state as a snapshot at the current sequence number; answered with that number.</summary>
    public sealed record TakeSnapshot(object State);
}
