using System.Text;
using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using static NodeManager.Persistence.Tests.Actors.ListActor;

namespace NodeManager.Persistence.Tests.Actors;

public sealed class PersistentActorSpec : TestKit.TestKit
{
    private readonly ControllableJournal _journal = new();
    private readonly InMemorySnapshotStore _snapshots = new();
    private readonly PersistenceExtension _persistence;

    public PersistentActorSpec()
    {
        _persistence = Sys.RegisterExtension(new PersistenceExtension(_journal, _snapshots, new EventSerializer(Registry())));
    }

    [Fact]
    public void Persistent_actor_must_recover_its_state_after_it_was_stopped()
    {
        var first = StartList("list-1");
        first.Tell(new Add("a"), TestActor);
        first.Tell(new AddAll(["b", "c"]), TestActor);
        ReceiveN(3);
        StopAndWait(first);

        ActorOfList("list-1");

        var recovered = ExpectMsg<Recovered>();
        Assert.Equal(["a", "b", "c"], recovered.Items);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task Persistent_actor_must_hold_back_commands_until_the_write_is_durable()
    {
        var list = StartList("list-2");
        _journal.Hold();

        list.Tell(new Add("a"), TestActor);
        list.Tell(new GetItems(), TestActor);
        AwaitAssert(() => Assert.Equal(1, _journal.WritesWaiting));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, await _journal.Inner.ReadHighestSequenceNrAsync("list-2"));

        _journal.Release();

        Assert.Equal(new Added("a", 1), ExpectMsg<Added>());
        Assert.Equal(["a"], ExpectMsg<Items>().Values);
    }

    [Fact]
    public async Task Persistent_actor_must_stop_when_a_write_fails()
    {
        var list = StartList("list-3");
        _journal.FailNextWrites(1);

        list.Tell(new Add("a"), TestActor);

        var failed = ExpectMsg<PersistFailed>();
        Assert.Equal(1, failed.SequenceNr);
        ExpectMsg<Stopped>();
        Assert.Equal(0, await _journal.Inner.ReadHighestSequenceNrAsync("list-3"));
    }

    [Fact]
    public async Task Persistent_actor_must_stop_when_its_write_precondition_is_refused_and_leave_the_journal_untouched()
    {
        var leaseHeld = true;
        var lease = new DelegateWritePrecondition("lease of district d1 at epoch 4", () => leaseHeld);
        var list = ActorOfList("list-4", precondition: () => lease);
        ExpectMsg<Recovered>();
        list.Tell(new Add("a"), TestActor);
        ExpectMsg<Added>();

        leaseHeld = false;
        list.Tell(new Add("b"), TestActor);

        var failed = ExpectMsg<PersistFailed>();
        var refused = Assert.IsType<WritePreconditionFailedException>(failed.Cause);
        Assert.Equal(lease.Description, refused.Precondition);
        ExpectMsg<Stopped>();
        Assert.Equal(1, await _journal.Inner.ReadHighestSequenceNrAsync("list-4"));
    }

    [Fact]
    public async Task Persistent_actor_must_refuse_the_second_writer_of_one_persistence_id_and_stop_it()
    {
        var first = StartList("list-5", name: "first");
        var second = StartList("list-5", name: "second");

        first.Tell(new Add("from-first"), TestActor);
        ExpectMsg<Added>();
        second.Tell(new Add("from-second"), TestActor);

        var failed = ExpectMsg<PersistFailed>();
        var conflict = Assert.IsType<PersistenceConcurrencyException>(failed.Cause);
        Assert.Equal(("list-5", 1L), (conflict.PersistenceId, conflict.SequenceNr));
        ExpectMsg<Stopped>();
        var stored = await _journal.ReplayMessagesAsync("list-5", 1, long.MaxValue, long.MaxValue).ToListAsync();
        Assert.Equal("""{"item":"from-first"}""", Encoding.UTF8.GetString(Assert.Single(stored).Payload));
    }

    [Fact]
    public void Persistent_actor_must_log_a_rejected_event_and_carry_on()
    {
        var list = StartList("list-6");

        list.Tell(new AddUnserializable(), TestActor);
        var rejected = ExpectMsg<PersistRejected>();
        list.Tell(new Add("a"), TestActor);

        Assert.IsType<PersistenceRejectedException>(rejected.Cause);
        Assert.Equal(new Added("a", 1), ExpectMsg<Added>());
    }

    [Fact]
    public async Task Persistent_actor_must_stop_when_recovery_meets_an_unknown_manifest_naming_id_sequence_nr_and_manifest()
    {
        var writes = await _journal.WriteMessagesAsync(
        [
            new AtomicWrite(new PersistentRepr("list-7", 1, "test.list.item-added.v1", """{"item":"a"}"""u8.ToArray())),
            new AtomicWrite(new PersistentRepr("list-7", 2, "test.list.item-removed.v9", """{"item":"a"}"""u8.ToArray())),
        ]);
        Assert.All(writes, Assert.Null);

        ActorOfList("list-7");

        var failed = ExpectMsg<RecoveryFailed>();
        ExpectMsg<Stopped>();
        var unknown = Assert.IsType<UnknownEventManifestException>(failed.Cause);
        Assert.Equal(("list-7", 2L, "test.list.item-removed.v9"), (unknown.PersistenceId, unknown.SequenceNr, unknown.Manifest));
        Assert.Contains("list-7", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("test.list.item-removed.v9", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_actor_must_recover_the_same_state_from_snapshot_plus_replay_as_from_full_replay()
    {
        var list = StartList("list-8", snapshotEvery: 3);
        for (var i = 1; i <= 10; i++)
            list.Tell(new Add("item-" + i), TestActor);
        ReceiveN(10);
        await AwaitConditionAsync(() => LatestSnapshotSequenceNr("list-8") == 9);
        StopAndWait(list);

        var fromSnapshot = StartAndRecover("list-8", snapshotEvery: 3);
        await _snapshots.DeleteAsync("list-8", SnapshotSelectionCriteria.Latest);
        var fromEvents = StartAndRecover("list-8");

        Assert.Equal(9, fromSnapshot.SnapshotSequenceNr);
        Assert.Equal(0, fromEvents.SnapshotSequenceNr);
        Assert.Equal(fromEvents.Items, fromSnapshot.Items);
        Assert.Equal(10, fromSnapshot.Items.Count);
        Assert.Equal(fromEvents.LastSequenceNr, fromSnapshot.LastSequenceNr);
    }

    [Fact]
    public void Persistent_actor_must_persist_from_an_async_command_handler_after_it_finished()
    {
        var list = StartList("list-9");

        list.Tell(new AddAfterAwait("later"), TestActor);
        list.Tell(new Add("next"), TestActor);

        Assert.Equal(new Added("later", 1), ExpectMsg<Added>());
        Assert.Equal(new Added("next", 2), ExpectMsg<Added>());
    }

    [Fact]
    public void Persistent_actor_must_recover_without_deleted_events_but_keep_counting_after_them()
    {
        var list = StartList("list-10");
        list.Tell(new AddAll(["a", "b", "c"]), TestActor);
        ReceiveN(3);

        list.Tell(new DeleteUpTo(2), TestActor);
        Assert.Equal(2, ExpectMsg<DeleteMessagesSuccess>().ToSequenceNr);
        StopAndWait(list);
        var recovered = StartAndRecover("list-10");

        Assert.Equal(["c"], recovered.Items);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public void Persistent_actor_must_take_the_configured_snapshot_interval_over_its_own()
    {
        var persistence = new PersistenceOptions(SnapshotEvery: 100, SnapshotEveryByActor: new Dictionary<string, int> { [nameof(ListActor)] = 2 });

        Assert.Equal(2, persistence.SnapshotEveryFor(typeof(ListActor), 3));
        Assert.Equal(3, persistence.SnapshotEveryFor(typeof(PersistentActorSpec), 3));
        Assert.Equal(100, persistence.SnapshotEveryFor(typeof(PersistentActorSpec), 0));
    }

    // The in-memory store answers synchronously, so reading it inside a polled condition cannot block.
    private long? LatestSnapshotSequenceNr(string pid) =>
        _snapshots.LoadAsync(pid, SnapshotSelectionCriteria.Latest).GetAwaiter().GetResult()?.Metadata.SequenceNr;

    private Recovered StartAndRecover(string pid, int snapshotEvery = 0)
    {
        var actor = ActorOfList(pid, snapshotEvery);
        var recovered = ExpectMsg<Recovered>();
        StopAndWait(actor);
        return recovered;
    }

    private IActorRef StartList(string pid, int snapshotEvery = 0, string? name = null)
    {
        var actor = ActorOfList(pid, snapshotEvery, name: name);
        ExpectMsg<Recovered>();
        return actor;
    }

    private IActorRef ActorOfList(string pid, int snapshotEvery = 0, Func<IWritePrecondition?>? precondition = null, string? name = null) =>
        Sys.ActorOf(Props.Create(() => new ListActor(pid, TestActor, snapshotEvery, precondition)), name);

    private void StopAndWait(IActorRef actor)
    {
        Sys.Stop(actor);
        ExpectMsg<Stopped>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _persistence.DisposeAsync().AsTask().Wait();
    }
}
