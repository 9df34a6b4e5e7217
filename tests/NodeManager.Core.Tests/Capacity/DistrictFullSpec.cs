using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Capacity;

/// <summary>A hot profile whose districts have no UIDs left raises "district-full" on each of its districts.</summary>
public sealed class DistrictFullSpec : Controller.ControllerSpecBase
{
    [Fact]
    public void Watcher_must_show_district_full_on_the_district_of_a_profile_with_no_free_uids()
    {
        // 100 gears wanted, 100 UIDs: the one node runs full and every UID is taken.
        var paas = new PaasSimulator(new PaasSimulatorOptions
        {
            ReadyDelay = TimeSpan.FromSeconds(10),
            MoveTime = TimeSpan.Zero,
            MoveFailureRate = 0,
            MaxActiveGears = 100,
            Districts = [new SimulatedDistrict("d1", "small", 100, [new DemandPoint(TimeSpan.Zero, 100)])],
        }, Time);
        StartController(paas: paas, minNodes: 1, maxNodes: 1);

        AdvanceUntil(() => District("d1")?.Conditions.Any(c => c.Type == "district-full") == true,
            () => $"the district-full condition ({District("d1")?.LastDecision?.Reason})", TimeSpan.FromSeconds(2));

        var condition = District("d1")!.Conditions.Single(c => c.Type == "district-full");
        Assert.Equal("district full: create a new district for profile small (no district has free UIDs)", condition.Message);
        Assert.Equal(1, NodesIn(NodePhase.Active));
    }
}
