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

    /// <summary>A capacity source that never answers.</summary>
    private sealed class SilentSource : ICapacitySource
    {
        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => new TaskCompletionSource<CapacityDocument>().Task;
    }
}
