using Akka.Actor;
using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>A decision that was queued before the district's last launch was journaled must not launch again.</summary>
public sealed class StaleDecisionSpec : ControllerSpecBase
{
    /// <summary>
    /// Rule: a launch decision is idempotent. The watcher decides from the districts' published views; a scale-up decided
    /// from a view older than a launch the district journaled since did not count that launch, and acting on it would
    /// launch twice.
    /// </summary>
    [Fact]
    public void District_must_not_launch_on_a_scale_up_decided_before_its_last_launch_was_journaled()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");
        var decided = new DistrictSupervisor.Decide("small", new ScaleUp("d1", 1, "test: hot"), [], [], LaunchesSeen: 0);

        Host!.Districts.Tell(DistrictEntity.To("d1", decided));
        AdvanceUntil(() => Live() == 1, () => $"the first launch ({Describe()})");

        // The same decision once more, as if it had been queued while the first launch was being journaled.
        Host.Districts.Tell(DistrictEntity.To("d1", decided));
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, () => $"the first node Active ({Describe()})");
        Assert.Equal(1, Live());
        Assert.Single(World.Cloud.Servers);

        // A decision made from a view that has the launch is acted on.
        Host.Districts.Tell(DistrictEntity.To("d1", decided with { LaunchesSeen = 1 }));
        AdvanceUntil(() => Live() == 2, () => $"a second launch ({Describe()})");
        Assert.Equal(["d1-1.paas.test", "d1-2.paas.test"], Nodes().Select(n => n.Name).Order());
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));
}
