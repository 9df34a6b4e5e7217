using NodeManager.Actors;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Actors;

/// <summary>
/// A persistent actor for the specs: its state is the list of items added. It reports its life to a probe
/// (recovered, stopped, failures) so specs can wait on events instead of time.
/// </summary>
public sealed class ListActor : ReceivePersistentActor
{
    private readonly IActorRef _probe;
    private readonly int _snapshotEvery;
    private readonly Func<IWritePrecondition?> _precondition;
    private ListState _state = new([]);

    public ListActor(string persistenceId, IActorRef probe, int snapshotEvery = 0, Func<IWritePrecondition?>? precondition = null)
    {
        PersistenceId = persistenceId;
        _probe = probe;
        _snapshotEvery = snapshotEvery;
        _precondition = precondition ?? (() => null);

        Recover<SnapshotOffer>(offer => _state = (ListState)offer.Snapshot);
        Recover<ItemAdded>(Apply);
        Recover<RecoveryCompleted>(_ => _probe.Tell(new Recovered(PersistenceId, LastSequenceNr, SnapshotSequenceNr, _state.Items)));

        Command<Add>(add => Persist(new ItemAdded(add.Item), added =>
        {
            Apply(added);
            Sender.Tell(new Added(added.Item, LastSequenceNr));
        }));
        Command<AddAll>(add => PersistAll(add.Items.Select(i => new ItemAdded(i)), added =>
        {
            Apply(added);
            Sender.Tell(new Added(added.Item, LastSequenceNr));
        }));
        CommandAsync<AddAfterAwait>(async add =>
        {
            await Task.Yield();
            Persist(new ItemAdded(add.Item), added =>
            {
                Apply(added);
                Sender.Tell(new Added(added.Item, LastSequenceNr));
            });
        });
        Command<DeleteUpTo>(delete => DeleteMessages(delete.SequenceNr));
        Command<DeleteMessagesSuccess>(deleted => _probe.Tell(deleted));
        Command<AddUnserializable>(_ => Persist(new NotRegistered(), _ => _probe.Tell("handler of a rejected event ran")));
        Command<GetItems>(_ => Sender.Tell(new Items(_state.Items, LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    protected override int SnapshotEvery => _snapshotEvery;

    protected override object? SnapshotState => _state;

    protected override IWritePrecondition? WritePrecondition => _precondition();

    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<ItemAdded>("test.list.item-added.v1")
        .Register<ListState>("test.list.state.v1");

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        _probe.Tell(new PersistFailed(cause, sequenceNr));
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _probe.Tell(new PersistRejected(cause, sequenceNr));
    }

    protected override void OnRecoveryFailure(Exception cause)
    {
        base.OnRecoveryFailure(cause);
        _probe.Tell(new RecoveryFailed(cause));
    }

    protected override void PostStop() => _probe.Tell(new Stopped(PersistenceId));

    private void Apply(ItemAdded added) => _state = new ListState([.. _state.Items, added.Item]);

    public sealed record Add(string Item);

    public sealed record AddAll(IReadOnlyList<string> Items);

    public sealed record AddAfterAwait(string Item);

    public sealed record DeleteUpTo(long SequenceNr);

    public sealed record AddUnserializable;

    public sealed record GetItems;

    public sealed record Items(IReadOnlyList<string> Values, long LastSequenceNr);

    public sealed record Added(string Item, long SequenceNr);

    public sealed record ItemAdded(string Item);

    public sealed record ListState(IReadOnlyList<string> Items);

    public sealed record NotRegistered;

    public sealed record Recovered(string PersistenceId, long LastSequenceNr, long SnapshotSequenceNr, IReadOnlyList<string> Items);

    public sealed record Stopped(string PersistenceId);

    public sealed record PersistFailed(Exception Cause, long SequenceNr);

    public sealed record PersistRejected(Exception Cause, long SequenceNr);

    public sealed record RecoveryFailed(Exception Cause);
}
