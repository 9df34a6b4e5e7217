using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Cloud;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Controller;

public sealed class LeakCleanupSpec : ControllerSpecBase
{
    [Fact]
    public void Watcher_must_delete_a_leaked_server_when_delete_leaked_is_on()
    {
        Cleanup = Cleanup with { DeleteLeaked = true };
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.LeaksFound));
        World.Cloud.AddForeignServer("d1_99", CloudMetadata.For(ControllerWorld.Cluster, "d1", "d1-99.paas.test"));
        World.Cloud.AddForeignServer("someone-else", CloudMetadata.ForCluster("other-cluster"));
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        // Created just now: it may be a launch whose journal write is still on its way, so it gets the grace period.
        World.Cloud.AddForeignServer("d1_98", CloudMetadata.For(ControllerWorld.Cluster, "d1", "d1-98.paas.test"));
        StartController();

        AdvanceUntil(() => World.Cloud.Servers.All(s => s.Name != "d1_99"), "the leaked server deleted");

        var first = events.ExpectMsg<CapacityWatcher.LeaksFound>();
        Assert.Equal(["d1_99"], first.Servers);
        Assert.True(first.Deleted);
        Assert.Contains(World.Cloud.Servers, s => s.Name == "d1_98");
        Assert.Contains(World.Cloud.Servers, s => s.Name == "someone-else");

        AdvanceUntil(() => World.Cloud.Servers.All(s => s.Name != "d1_98") && NodesIn(NodePhase.Active) == 1,
            "the younger leak deleted once its grace has passed, and the node Active", TimeSpan.FromSeconds(2));
        Assert.Equal(["d1_1", "someone-else"], World.Cloud.Servers.Select(s => s.Name).Order());
    }

    [Fact]
    public void Watcher_must_report_but_never_delete_a_leaked_server_when_delete_leaked_is_off()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.LeaksFound));
        World.Cloud.AddForeignServer("d1_99", CloudMetadata.For(ControllerWorld.Cluster, "d1", "d1-99.paas.test"));
        Scheduler.Advance(Cleanup.LeakGrace);
        StartController();

        // Two leak scans, with the district's fence held (its node goes Active): the setting alone keeps the server.
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "the district's node Active");
        var first = events.ExpectMsg<CapacityWatcher.LeaksFound>(TimeSpan.FromSeconds(10));

        // The watcher asks for a delete before it publishes what it found: none may have been asked for.
        Assert.DoesNotContain(World.Cloud.Calls, c => c.StartsWith("delete-server", StringComparison.Ordinal));
        Assert.Equal(["d1_99"], first.Servers);
        Assert.False(first.Deleted);
        Host!.Watcher.Tell(CapacityWatcher.Poll.Instance);
        Assert.Equal(["d1_99"], events.ExpectMsg<CapacityWatcher.LeaksFound>(TimeSpan.FromSeconds(10)).Servers);
        Assert.Contains(World.Cloud.Servers, s => s.Name == "d1_99");
    }
}
