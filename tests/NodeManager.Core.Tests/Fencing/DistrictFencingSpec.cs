using Akka.Actor;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Capacity;
using NodeManager.Core.Cloud;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Controller;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Fencing;

/// <summary>A district whose member loses its fence mid-lifecycle: it changes nothing more, stops, and says why once.</summary>
public sealed class DistrictFencingSpec : ControllerSpecBase
{
    private static readonly string[] CloudMutations =
        ["create-server", "delete-server", "create-volume", "attach-volume", "delete-volume", "ensure-dns", "delete-dns"];

    private readonly SwitchableFence _fence = new();

    [Fact]
    public void District_must_make_no_cloud_or_platform_change_after_its_fence_is_lost_and_stop_with_one_error_line()
    {
        var platform = new CountingPlatform(World.Paas);
        World.Platform = platform;
        StartController(paas: World.Paas, fences: _fence);
        AdvanceUntil(() => World.Cloud.Servers.Count == 1, "the first node's server created");
        var district = DistrictIncarnation();
        var watcher = CreateTestProbe();
        watcher.Watch(district);

        _fence.Lose("lease d1 taken over by 10.0.0.2:4053 (epoch 8)");
        var mutationsAtLoss = CloudMutationCount();
        AdvanceUntil(() => watcher.HasMessages, "the district stopped");

        watcher.ExpectTerminated(district);
        var lines = FenceLines();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.StartsWith("d1: this member no longer holds the district", line.Message, StringComparison.Ordinal);
        Assert.EndsWith("lease d1 taken over by 10.0.0.2:4053 (epoch 8)", line.Message, StringComparison.Ordinal);

        // Long past the server's boot: a district that still acted would have made its volume by now.
        Scheduler.Advance(TimeSpan.FromMinutes(3));
        AdvanceUntil(() => true, "the actors idle");
        Assert.Equal(mutationsAtLoss, CloudMutationCount());
        Assert.Equal(0, platform.Mutations);
        Assert.Empty(World.Cloud.Volumes);
        Assert.DoesNotContain(Logged.Entries, e => e.Message.Contains("failed unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public void District_must_resume_the_lifecycle_where_it_stood_once_the_fence_is_held_again()
    {
        StartController(fences: _fence);
        AdvanceUntil(() => World.Cloud.Servers.Count == 1, "the first node's server created");
        _fence.Lose("lease expired");
        AdvanceUntil(() => FenceLines().Count > 0, "the district stopped");

        _fence.Hold();
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "the node Active after the district started again", TimeSpan.FromSeconds(2));

        Assert.Equal(0, NodesIn(NodePhase.Failed));
        Assert.Equal("d1_1", Assert.Single(World.Cloud.Servers).Name);
        Assert.Single(World.Cloud.Volumes);
        Assert.Equal(1, World.Cloud.Calls.Count(c => c.StartsWith("create-server ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Watcher_must_not_delete_a_leaked_server_of_a_district_whose_fence_is_lost()
    {
        Cleanup = Cleanup with { DeleteLeaked = true };
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(CapacityWatcher.LeaksFound));
        World.Cloud.AddForeignServer("d1_99", CloudMetadata.For(ControllerWorld.Cluster, "d1", "d1-99.paas.test"));
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        _fence.Lose("not this member's district");
        StartController(fences: _fence);

        AdvanceUntil(() => events.HasMessages, "a leak scan");

        Assert.Contains(World.Cloud.Servers, s => s.Name == "d1_99");
        Assert.DoesNotContain(World.Cloud.Calls, c => c.StartsWith("delete-server", StringComparison.Ordinal));
        Assert.Contains(Logged.Entries, e => e.Message.Contains("d1_99", StringComparison.Ordinal)
            && e.Message.Contains("not deleting it: this member does not hold district 'd1' (not this member's district)", StringComparison.Ordinal));
    }

    private IActorRef DistrictIncarnation()
    {
        var probe = CreateTestProbe();
        Sys.ActorSelection("/user/districts/district-d1/district").Tell(new Identify("d1"), probe.Ref);
        return probe.ExpectMsg<ActorIdentity>().Subject ?? throw new InvalidOperationException("district d1 is not running");
    }

    private int CloudMutationCount() =>
        World.Cloud.Calls.Count(c => CloudMutations.Contains(c.Split(' ')[0], StringComparer.Ordinal));

    private List<Testing.CapturingLoggerFactory.LogEntry> FenceLines() =>
        [.. Logged.Entries.Where(e => e.Message.Contains("no longer holds the district", StringComparison.Ordinal))];
}
