using Akka.Actor;
using Akka.Cluster.Sharding;
using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;
using NodeManager.Core.Platform;
using NodeManager.Core.Tests.Controller;

namespace NodeManager.Core.Tests.Capacity;

/// <summary>
/// A condition the policy raises about a profile reaches every district of that profile, and no other. The watcher runs
/// alone against a probe standing in for the district region, so what it sends is read directly, with no district to
/// wait for.
/// </summary>
public sealed class CapacityWatcherConditionsSpec : ControllerSpecBase
{
    /// <summary>Generous: the watcher answers at once, but a loaded machine may take its time to run it.</summary>
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);

    // Both districts of "small" are out of UIDs and running hot; "large" has room and runs at half.
    private static readonly CapacityDocument Document = new(
        [
            new DistrictCapacity("d1", "small", 6000, 6000),
            new DistrictCapacity("d2", "large", 6000, 100),
            new DistrictCapacity("d3", "small", 6000, 6000),
        ],
        [
            new NodeCapacity("d1-1.paas.test", "d1", "small", 95, 100, true),
            new NodeCapacity("d2-1.paas.test", "d2", "large", 50, 100, true),
            new NodeCapacity("d3-1.paas.test", "d3", "small", 95, 100, true),
        ]);

    [Fact]
    public void Watcher_must_send_a_profile_s_district_full_condition_to_each_district_of_that_profile_and_to_no_other()
    {
        Scaling = Scaling with { ScaleUpSustainedFor = TimeSpan.Zero };
        var region = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(typeof(CapacityWatcherActor), Services(capacity: new FixedSource(Document), minNodes: 0), region.Ref));

        watcher.Tell(CapacityWatcher.Poll.Instance);

        // One read sends every district its decision together, in the document's order.
        var decides = region.ReceiveN(3, Answer).Cast<ShardingEnvelope>()
            .ToDictionary(e => e.EntityId, e => Assert.IsType<DistrictSupervisor.Decide>(e.Message), StringComparer.Ordinal);
        Assert.Equal(["d1", "d2", "d3"], decides.Keys.Order(StringComparer.Ordinal));
        foreach (var small in new[] { "d1", "d3" })
        {
            var condition = Assert.Single(decides[small].Conditions);
            Assert.Equal(("district-full", "small"), (condition.Type, condition.Subject));
        }

        Assert.Empty(decides["d2"].Conditions);
    }

    /// <summary>A capacity source that answers the same document every time.</summary>
    private sealed class FixedSource(CapacityDocument document) : ICapacitySource
    {
        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(document);
    }
}
