using Akka.Actor;
using Akka.Persistence;
using NodeManager.Core.Districts;
using NodeManager.Core.Serialization;

namespace NodeManager.Tests.Persistence;

/// <summary>
/// A persistent actor journaling the product's events the way the district and node actors do: district events fold
/// into a <see cref="DistrictState"/> (the product's snapshot), node events are kept as they are. It reports its
/// recovery, and any recovery or write failure, to <c>reports</c>; commands are answered to their sender.
/// </summary>
public sealed class DistrictJournalActor : ReceivePersistentActor
{
    private readonly IActorRef _reports;
    private readonly List<IVersionedMessage> _replayed = [];
    private DistrictState _state = new("d1");
    private long? _snapshotSequenceNr;
    private IActorRef _snapshotRequester = ActorRefs.Nobody;
    private IActorRef _deleteRequester = ActorRefs.Nobody;

    public DistrictJournalActor(string persistenceId, IActorRef reports)
    {
        PersistenceId = persistenceId;
        _reports = reports;

        Recover<SnapshotOffer>(offer =>
        {
            _state = (DistrictState)offer.Snapshot;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<IVersionedMessage>(e =>
        {
            Apply(e);
            _replayed.Add(e);
        });
        Recover<RecoveryCompleted>(_ =>
            _reports.Tell(new Recovered(PersistenceId, _replayed.ToList(), _state, _snapshotSequenceNr, LastSequenceNr)));

        Command<PersistEvents>(command =>
        {
            var requester = Sender;
            PersistAll(command.Events, Apply);
            DeferAsync(command, _ => requester.Tell(new Persisted(LastSequenceNr)));
        });
        Command<TakeSnapshot>(_ =>
        {
            _snapshotRequester = Sender;
            SaveSnapshot(_state);
        });
        Command<SaveSnapshotSuccess>(saved => _snapshotRequester.Tell(new SnapshotSaved(saved.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(failed => _snapshotRequester.Tell(new Status.Failure(failed.Cause)));
        Command<DeleteEvents>(command =>
        {
            _deleteRequester = Sender;
            DeleteMessages(command.ToSequenceNr);
        });
        Command<DeleteMessagesSuccess>(deleted => _deleteRequester.Tell(new DeletedTo(deleted.ToSequenceNr)));
        Command<DeleteMessagesFailure>(failed => _deleteRequester.Tell(new Status.Failure(failed.Cause)));
    }

    public override string PersistenceId { get; }

    public static Props Create(string persistenceId, IActorRef reports) =>
        Props.Create(() => new DistrictJournalActor(persistenceId, reports));

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _reports.Tell(new RecoveryFailed(RecoveryFailure.Describe(PersistenceId, LastSequenceNr, reason, message), reason));
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reports.Tell(new PersistFailed(sequenceNr, cause));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _reports.Tell(new PersistFailed(sequenceNr, cause));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void Apply(IVersionedMessage e)
    {
        if (e is DistrictSupervisor.IEvent districtEvent)
            _state = _state.Apply(districtEvent);
    }

    public sealed record PersistEvents(IReadOnlyList<IVersionedMessage> Events);

    public sealed record Persisted(long LastSequenceNr);

    public sealed class TakeSnapshot
    {
        public static TakeSnapshot Instance { get; } = new();

        private TakeSnapshot() { }
    }

    public sealed record SnapshotSaved(long SequenceNr);

    public sealed record DeleteEvents(long ToSequenceNr);

    public sealed record DeletedTo(long ToSequenceNr);

    public sealed record Recovered(
        string PersistenceId, IReadOnlyList<IVersionedMessage> Events, DistrictState State, long? SnapshotSequenceNr, long LastSequenceNr);

    public sealed record RecoveryFailed(string Message, Exception Cause);

    public sealed record PersistFailed(long SequenceNr, Exception Cause);
}
