using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>
/// A journal fault at every step: each journal write of a node's life — launch, drain and reclaim — in turn fails
/// (the actor stops, as after a crash, and a new actor recovers from the journal) or is rejected (the event is not
/// stored, the actor stays). The cloud must then hold exactly one server and one volume while the node lives, and
/// none once it is reclaimed: persist first, idempotent by name.
/// </summary>
public sealed class NodeLifecycleCrashSpec : NodeLifecycleSpecBase
{
    /// <summary>NodeRequested … NodeReclaimed of a node with a volume and no gears.</summary>
    private const int EventsInALife = 13;

    private static readonly string PersistenceId = NodeLifecycleActor.PersistenceIdFor("d1-1");

    private bool _checkedWhileActive;

    public NodeLifecycleCrashSpec() => World.Paas.ScaleDemand("d1", 0);

    public static TheoryData<int, bool> FaultPoints()
    {
        var data = new TheoryData<int, bool>();
        for (var write = 1; write <= EventsInALife; write++)
        {
            data.Add(write, false);
            data.Add(write, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task NodeLifecycle_must_finish_after_a_journal_fault_at_any_write_without_leaking_or_doubling(int write, bool reject)
    {
        var fault = new FaultAtWrite(PersistenceId, write, reject);
        await Journal.OnWrite.SetInterceptorAsync(fault);

        var (record, parent) = StartNode();
        Drive(record, parent, () => fault.Struck || record.Stopped);
        Assert.True(fault.Struck, $"write {write} was never made (the life has {EventsInALife} writes)");

        if (!reject)
        {
            // A failed write stops the actor (Akka's rule); a new one recovers from what the journal holds.
            AwaitAssert(() => Assert.True(record.Stopped), TimeSpan.FromSeconds(10));
            (record, parent) = StartNode();
        }

        Drive(record, parent, () => record.Latest?.Phase == NodePhase.Reclaimed);

        Assert.Empty(World.Cloud.Servers);
        Assert.Empty(World.Cloud.Volumes);
        Assert.True(write > 8 || _checkedWhileActive, "a node faulted before it was Active must be checked while Active");
    }

    /// <summary>Advances time until <paramref name="done"/>; drains the node once it is Active, checking it owns one of each.</summary>
    private void Drive(NodeRecord record, Akka.Actor.IActorRef parent, Func<bool> done)
    {
        var drained = false;
        AdvanceUntil(() =>
        {
            if (!drained && record.Latest?.Phase == NodePhase.Active)
            {
                Assert.Equal(1, ServersNamed("d1_1"));
                Assert.Equal(1, VolumesNamed("d1-1.paas.test"));
                _checkedWhileActive = true;
                parent.Tell(new NodeLifecycle.Drain("fault test", []));
                drained = true;
            }

            return done();
        }, () => $"the end of this life (now {record.Latest?.Phase}, last error {record.Latest?.LastError})");
    }

    /// <summary>Fails or rejects the <c>write</c>-th write of one persistence id, once; every other write passes.</summary>
    private sealed class FaultAtWrite(string persistenceId, int write, bool reject) : IJournalInterceptor
    {
        private int _writes;
        private volatile bool _struck;

        public bool Struck => _struck;

        public Task InterceptAsync(IPersistentRepresentation message)
        {
            if (message.PersistenceId != persistenceId || Interlocked.Increment(ref _writes) != write) return Task.CompletedTask;
            _struck = true;
            return reject
                ? Task.FromException(new TestJournalRejectionException($"write {write} rejected"))
                : Task.FromException(new TestJournalFailureException($"write {write} failed"));
        }
    }
}
