using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>
/// Crash at every step: the whole actor system dies right after (or right before) each journal write of a node's
/// life — launch, drain and reclaim — and a new system on the same journal finishes the job. The cloud must then hold
/// exactly one server and one volume while the node lives, and none once it is reclaimed.
/// </summary>
public sealed class NodeLifecycleCrashSpec : NodeLifecycleSpecBase
{
    /// <summary>NodeRequested … NodeReclaimed of a node with a volume and no gears.</summary>
    private const int EventsInALife = 13;

    public NodeLifecycleCrashSpec() => World.Paas.ScaleDemand("d1", 0);

    public static TheoryData<int, bool> CrashPoints()
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
    [MemberData(nameof(CrashPoints))]
    public async Task NodeLifecycle_must_finish_after_a_crash_at_any_journal_write_without_leaking_or_doubling(int write, bool before)
    {
        var store = new InMemoryJournal();
        var crashing = new CrashingJournal(store, NodeLifecycleActor.PersistenceIdFor("d1-1"), write, before);
        var first = NewSystem("first", crashing);
        var (doomed, doomedParent) = StartNode(first);
        Drive(doomed, doomedParent, () => crashing.Crashed.IsCompleted);
        await Task.WhenAny(first.Terminate(), Task.Delay(TimeSpan.FromMilliseconds(300))); // a write hangs forever: do not wait on it

        var second = NewSystem("second", store);
        var (record, parent) = StartNode(second);
        Drive(record, parent, () => record.Latest?.Phase == NodePhase.Reclaimed);

        Assert.Empty(World.Cloud.Servers);
        Assert.Empty(World.Cloud.Volumes);
        Assert.True(write > 8 || _checkedWhileActive, "a node that crashed before it was Active must be checked while Active");
        await second.Terminate();
    }

    private bool _checkedWhileActive;

    private ActorSystem NewSystem(string name, IJournal journal)
    {
        var system = ActorSystem.Create(name, ActorSystemSettings.Default with { TimeProvider = Time });
        system.RegisterExtension(ControllerWorld.Persistence(journal));
        return system;
    }

    /// <summary>Advances time until <paramref name="done"/>; drains the node once it is Active, checking it owns one of each.</summary>
    private void Drive(NodeRecord record, IActorRef parent, Func<bool> done)
    {
        var drained = false;
        AdvanceUntil(() =>
        {
            if (!drained && record.Latest?.Phase == NodePhase.Active)
            {
                Assert.Equal(1, ServersNamed("d1_1"));
                Assert.Equal(1, VolumesNamed("d1-1.paas.test"));
                _checkedWhileActive = true;
                parent.Tell(new NodeLifecycle.Drain("crash test", []));
                drained = true;
            }

            return done();
        }, () => $"the end of this life (now {record.Latest?.Phase}, last error {record.Latest?.LastError})");
    }
}
