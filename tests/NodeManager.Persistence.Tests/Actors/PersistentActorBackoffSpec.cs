using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using static NodeManager.Persistence.Tests.Actors.ListActor;

namespace NodeManager.Persistence.Tests.Actors;

public sealed class PersistentActorBackoffSpec : TestKit.TestKit
{
    private readonly ControllableJournal _journal = new();

    public PersistentActorBackoffSpec()
        : base(useVirtualTime: true)
    {
        Sys.RegisterExtension(new PersistenceExtension(_journal, new InMemorySnapshotStore(), new EventSerializer(Registry())));
    }

    [Fact]
    public async Task Persistent_actor_must_come_back_under_backoff_after_a_write_failure_and_recover_what_is_durable()
    {
        var child = Props.Create(() => new ListActor("backoff-1", TestActor, 0, null));
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            BackoffOptions.OnStop(child, "list", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0)));
        ExpectMsg<Recovered>();
        supervisor.Tell(new Add("durable"), TestActor);
        ExpectMsg<Added>();

        _journal.FailNextWrites(1);
        supervisor.Tell(new Add("lost"), TestActor);
        ExpectMsg<PersistFailed>();
        ExpectMsg<Stopped>();
        // The supervisor schedules the restart when it sees the child terminate; advance the clock only after that.
        AwaitAssert(() =>
        {
            supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
            Assert.Equal(1, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
        });

        Time.Advance(TimeSpan.FromMilliseconds(900));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Time.Advance(TimeSpan.FromMilliseconds(100));

        var recovered = ExpectMsg<Recovered>();
        Assert.Equal(["durable"], recovered.Items);
        Assert.Equal(1, recovered.LastSequenceNr);
        supervisor.Tell(new Add("after"), TestActor);
        Assert.Equal(new Added("after", 2), ExpectMsg<Added>());
        Assert.Equal(2, await _journal.ReadHighestSequenceNrAsync("backoff-1"));
    }
}
