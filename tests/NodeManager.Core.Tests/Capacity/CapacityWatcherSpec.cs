using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Controller;

namespace NodeManager.Core.Tests.Capacity;

/// <summary>The watcher acts only on fresh capacity and a readable cloud.</summary>
public sealed class CapacityWatcherSpec : ControllerSpecBase
{
    [Fact]
    public void Watcher_must_hold_every_district_when_the_capacity_source_does_not_answer_in_time()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(CapacityWatcher.SourceFailed));
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "an Active node");

        // The same controller, now over a source that never answers.
        Sys.Stop(Host!.Watcher);
        Sys.ActorOf(Props.Create(typeof(CapacityWatcherActor), Host.Services with { Capacity = new SilentSource() }, Host.Districts), "silent-watcher");

        const string reason = "holding: the capacity source did not answer within 00:00:03";
        AdvanceUntil(() => District("d1")?.LastDecision?.Reason == reason, () => $"the district holding ({District("d1")?.LastDecision?.Reason})");
        Assert.Equal(reason, failures.FishForMessage<CapacityWatcher.SourceFailed>(f => f.Reason == reason).Reason);
        Assert.Equal("hold", District("d1")!.LastDecision!.Kind);
    }

    [Fact]
    public void District_must_not_launch_while_the_clouds_limits_cannot_be_read()
    {
        World.Cloud.Options.LimitsUnavailable = true;
        StartController(minNodes: 1);

        AdvanceUntil(() => World.Cloud.Calls.Count(c => c == "get-limits") >= 3, "three refused limits reads");
        Assert.DoesNotContain(World.Cloud.Calls, c => c.StartsWith("create-server", StringComparison.Ordinal));

        World.Cloud.Options.LimitsUnavailable = false;
        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 1, "the node launched once the limits answer");
        Assert.Equal(1, ServersNamed("d1_1"));
    }

    [Fact]
    public void Watcher_must_not_read_the_source_again_while_a_read_is_outstanding()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 0);
        var silent = new SilentSource();
        Sys.Stop(Host!.Watcher);
        // Polled by hand only: the periodic poll would start a second read once the first has timed out.
        var services = Host.Services with { Capacity = silent, CapacitySettings = Host.Services.CapacitySettings with { Interval = TimeSpan.FromHours(1) } };
        var watcher = Sys.ActorOf(Props.Create(typeof(CapacityWatcherActor), services, Host.Districts), "silent-watcher");
        AdvanceUntil(() => silent.Reads == 1, "the first read");

        watcher.Tell(CapacityWatcher.Poll.Instance);
        watcher.Tell(CapacityWatcher.Poll.Instance);
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(CapacityWatcher.SourceFailed));
        AdvanceUntil(() => probe.HasMessages, "the outstanding read to time out");

        Assert.Equal(1, silent.Reads);
        watcher.Tell(CapacityWatcher.Poll.Instance);
        AwaitAssert(() => Assert.Equal(2, silent.Reads), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Watcher_must_report_a_leak_exactly_when_its_grace_has_passed()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.LeaksFound));
        World.Cloud.AddForeignServer("d1_97", Core.Cloud.CloudMetadata.For(Support.ControllerWorld.Cluster, "d1", "d1-97.paas.test"));
        Scheduler.Advance(Cleanup.LeakGrace);
        var start = Time.GetUtcNow();
        StartController();
        Host!.Watcher.Tell(CapacityWatcher.Poll.Instance);

        var leaks = events.ExpectMsg<CapacityWatcher.LeaksFound>(TimeSpan.FromSeconds(10));

        Assert.Equal(["d1_97"], leaks.Servers);
        Assert.Equal(start, leaks.At);
        Assert.False(leaks.Deleted);
        Assert.Equal(["d1_97"], Host.Board.Leaks);
    }

    /// <summary>A capacity source that never answers, counting how often it was asked.</summary>
    private sealed class SilentSource : ICapacitySource
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return new TaskCompletionSource<CapacityDocument>().Task;
        }
    }
}
