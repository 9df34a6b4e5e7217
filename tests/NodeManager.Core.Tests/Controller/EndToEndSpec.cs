using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The demo's story on virtual time: demand ramps past the quota and back down.</summary>
public sealed class EndToEndSpec : ControllerSpecBase
{
    [Fact]
    public void Controller_must_scale_up_to_the_quota_report_exhaustion_then_drain_back_to_min_nodes_leaving_nothing_behind()
    {
        // Demand is stepped by the spec rather than scripted on the clock, so the story does not depend on how fast
        // the actors keep up with virtual time.
        World.Cloud.Options.InstanceQuota = 4;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 450));
        var host = StartController(paas: paas, minNodes: 1, maxNodes: 10);

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 4 && Exhausted() is not null,
            () => $"four active nodes and the quota reported ({Describe()})", TimeSpan.FromSeconds(2));
        Assert.Contains("quota headroom", Exhausted()!.Message);
        Assert.Equal(4, World.Cloud.Servers.Count);

        paas.ScaleDemand("d1", 40 / 450.0);
        AdvanceUntil(() => Live() == 1 && NodesIn(NodePhase.Active) == 1 && Exhausted() is null,
            () => $"one active node and no exhaustion at the end ({Describe()})", TimeSpan.FromSeconds(2));

        Assert.True(host.IsReady);
        Assert.Equal(0, NodesIn(NodePhase.Failed));
        Assert.Equal(3, NodesIn(NodePhase.Reclaimed));
        var active = Nodes().Single(n => n.State == nameof(NodePhase.Active));
        Assert.Equal(active.ServerName, Assert.Single(World.Cloud.Servers).Name);
        Assert.Equal(active.Name, Assert.Single(World.Cloud.Volumes).Name);
        Assert.Empty(host.Board.Leaks);
        Assert.Equal(0, paas.PendingGears);
        Assert.Equal("hold", District("d1")!.LastDecision!.Kind);
    }

    private Core.Status.ConditionStatus? Exhausted() => District("d1")?.Conditions.FirstOrDefault(c => c.Type == "exhausted");

    private string Describe() =>
        $"{string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))}; last decision: {District("d1")?.LastDecision?.Reason}";

    [Fact]
    public void Watcher_must_hold_every_district_while_the_capacity_source_fails()
    {
        var failing = new FailingSource();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.SourceFailed));
        StartControllerWith(failing).Tell(CapacityWatcher.Poll.Instance);

        var failed = events.ExpectMsg<CapacityWatcher.SourceFailed>();

        Assert.StartsWith("holding: the capacity source failed", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("exporter exited 1", failed.Reason);
        Assert.False(Host!.IsReady);
        Assert.Empty(World.Cloud.Servers);
    }

    [Fact]
    public void Watcher_must_report_a_leaked_server_and_leave_it_alone_by_default()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.LeaksFound));
        World.Cloud.AddForeignServer("d1_99", Core.Cloud.CloudMetadata.For(Support.ControllerWorld.Cluster, "d1", "d1-99.paas.test"));
        World.Cloud.AddForeignServer("someone-else", Core.Cloud.CloudMetadata.ForCluster("other-cluster"));
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        StartController();

        AdvanceUntil(() => Host!.Board.Leaks.Count > 0, "a leak report");
        var leaks = events.FishForMessage<CapacityWatcher.LeaksFound>(_ => true);

        Assert.Equal(["d1_99"], leaks.Servers);
        Assert.False(leaks.Deleted);
        Assert.Contains(World.Cloud.Servers, s => s.Name == "d1_99");
    }

    private IActorRef StartControllerWith(Core.Platform.ICapacitySource source)
    {
        var paas = World.Paas;
        StartController(paas: paas);
        // Replace the capacity source: the same controller over a source that always fails.
        Sys.Stop(Host!.Watcher);
        return Sys.ActorOf(Props.Create(typeof(CapacityWatcherActor), Host.Services with { Capacity = source }, Host.Districts), "failing-watcher");
    }

    private sealed class FailingSource : Core.Platform.ICapacitySource
    {
        public Task<Core.Platform.CapacityDocument> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromException<Core.Platform.CapacityDocument>(new Core.Platform.PlatformException("capacity oo-stats", "exporter exited 1", 1));
    }
}
