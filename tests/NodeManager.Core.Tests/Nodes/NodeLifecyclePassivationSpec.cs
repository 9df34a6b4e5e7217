using Akka.Actor;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>An Active node idle for <c>passivate-after</c> asks its parent to stop it, and stops only while still idle.</summary>
public sealed class NodeLifecyclePassivationSpec : NodeLifecycleSpecBase
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    public NodeLifecyclePassivationSpec() =>
        World.Lifecycle = World.Lifecycle with { PassivateAfter = TimeSpan.FromMinutes(2) };

    [Fact]
    public void NodeLifecycle_must_ask_to_passivate_once_Active_and_idle_for_passivate_after_and_stop_when_told()
    {
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        var activeAt = Time.GetUtcNow();

        AdvanceUntil(() => !record.Passivations.IsEmpty, "a request to passivate", Step);
        Assert.InRange(Time.GetUtcNow() - activeAt, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) + Step);
        Assert.Equal("d1-1", record.Passivations.Single().LaunchId);
        Assert.False(record.Stopped);

        parent.Tell(NodeLifecycle.StopIdle.Instance);

        AdvanceUntil(() => record.Stopped, "the node actor stopped");
        Assert.Empty(record.Declined);
        Assert.Single(World.Cloud.Servers);
    }

    [Fact]
    public void NodeLifecycle_must_decline_to_stop_when_a_command_came_before_the_stop()
    {
        var (record, parent) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);
        AdvanceUntil(() => !record.Passivations.IsEmpty, "a request to passivate", Step);

        // The check of its server runs off the actor's turn: the node is busy when the stop arrives right behind it.
        parent.Tell(NodeLifecycle.Verify.Instance);
        parent.Tell(NodeLifecycle.StopIdle.Instance);

        AdvanceUntil(() => !record.Declined.IsEmpty, "the stop declined");
        Assert.False(record.Stopped);
        Assert.Equal(NodePhase.Active, record.Latest!.Phase);
    }

    [Fact]
    public void NodeLifecycle_must_never_ask_to_passivate_when_passivation_is_off()
    {
        World.Lifecycle = World.Lifecycle with { PassivateAfter = null };
        var (record, _) = StartNode();
        AdvanceUntilPhase(record, NodePhase.Active);

        Scheduler.Advance(TimeSpan.FromMinutes(30));
        AdvanceUntil(() => true, "the actors idle");

        Assert.Empty(record.Passivations);
        Assert.False(record.Stopped);
    }
}
