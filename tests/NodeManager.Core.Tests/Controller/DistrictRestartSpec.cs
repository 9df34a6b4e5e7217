using Akka.Actor;
using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>A district entity starts its supervisor again once the supervisor has stopped.</summary>
public sealed class DistrictRestartSpec : ControllerSpecBase
{
    private const string SupervisorPath = "/user/districts/district-d1/district";

    /// <summary>
    /// Rule: a district whose supervisor stopped is started again, from its journal, after the restart back-off; the
    /// messages addressed to the district then reach the new one.
    /// </summary>
    [Fact]
    public async Task District_must_start_its_supervisor_again_after_it_stopped()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");
        var supervisor = await Sys.ActorSelection(SupervisorPath).ResolveOne(TimeSpan.FromSeconds(30));
        Watch(supervisor);

        supervisor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(supervisor, TimeSpan.FromSeconds(30));
        AdvanceUntil(() => Resolve() is { } again && !again.Equals(supervisor), "the district's supervisor to start again");
        Host!.Districts.Tell(DistrictEntity.To("d1",
            new DistrictSupervisor.Decide("small", new ScaleUp("d1", 1, "test: hot"), [], [])));

        AdvanceUntil(() => Live() == 1, () => $"a launch by the district started again ({string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))})");
        Assert.Equal("d1-1.paas.test", Assert.Single(Nodes()).Name);
    }

    // An actor selection of a path nobody holds is answered at once by the parent, with no timeout involved.
    private IActorRef? Resolve()
    {
        var identity = Sys.ActorSelection(SupervisorPath).Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(30));
        return identity.Wait(TimeSpan.FromSeconds(30)) ? identity.Result.Subject : null;
    }
}
