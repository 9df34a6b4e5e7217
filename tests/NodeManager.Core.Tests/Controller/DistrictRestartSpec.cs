using Akka.Actor;
using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The parent of the district supervisors starts a district again once its supervisor has stopped.</summary>
public sealed class DistrictRestartSpec : ControllerSpecBase
{
    /// <summary>
    /// Rule: a district whose supervisor stopped is started again, from its journal, by the next message addressed to
    /// it; messages never go to the stopped one.
    /// </summary>
    [Fact]
    public async Task Districts_must_start_a_district_again_after_its_supervisor_stopped()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");
        var supervisor = await Sys.ActorSelection("/user/districts/district-d1").ResolveOne(TimeSpan.FromSeconds(30));
        Watch(supervisor);

        supervisor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(supervisor, TimeSpan.FromSeconds(30));
        Host!.Districts.Tell(new DistrictsActor.ToDistrict("d1",
            new DistrictSupervisor.Decide("small", new ScaleUp("d1", 1, "test: hot"), [], [])));

        AdvanceUntil(() => Live() == 1, () => $"a launch by the district started again ({string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))})");
        Assert.Equal("d1-1.paas.test", Assert.Single(Nodes()).Name);
    }
}
