using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

/// <summary>What an operator sets on a district holds in the running controller.</summary>
public sealed class DistrictOperatorSpec : ControllerSpecBase
{
    [Fact]
    public void District_must_not_launch_while_paused()
    {
        var evaluations = CreateTestProbe();
        Sys.EventStream.Subscribe(evaluations.Ref, typeof(CapacityWatcher.Evaluated));
        StartController(paas: Paas(Time, new DemandPoint(TimeSpan.Zero, 600)),
            district: DistrictSettings.Default with { MinNodes = 2, MaxNodes = 10, Paused = true });

        var seen = 0;
        AdvanceUntil(() =>
        {
            while (evaluations.HasMessages)
            {
                evaluations.ReceiveOne(TimeSpan.Zero);
                seen++;
            }

            return seen >= 12 && District("d1")?.LastDecision?.Reason == "below min-nodes 2 but it is paused by operator";
        }, () => $"a minute of evaluations ({seen}), the last held ({District("d1")?.LastDecision?.Reason})");

        Assert.DoesNotContain(World.Cloud.Calls, c => c.StartsWith("create-server", StringComparison.Ordinal));
        Assert.Empty(Nodes());
    }

    [Fact]
    public async Task District_must_refuse_an_operator_drain_of_a_scale_in_protected_node()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(district: DistrictSettings.Default with { MinNodes = 2, MaxNodes = 10, ScaleInProtected = ["d1-1.paas.test"] });
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2, "two Active nodes");

        var refused = await Host!.RequestDrainAsync("d1", "d1-1.paas.test", "maintenance", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var accepted = await Host.RequestDrainAsync("d1", "d1-2.paas.test", "maintenance", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("d1-1.paas.test is scale-in protected", Assert.IsType<NodeLifecycle.DrainRefused>(refused).Reason);
        Assert.Equal("d1-2.paas.test", Assert.IsType<DistrictSupervisor.DrainAccepted>(accepted).Host);
        AdvanceUntil(() => Nodes().Any(n => n.Name == "d1-2.paas.test" && n.State == nameof(NodePhase.Reclaimed)), "the unprotected node reclaimed");
        Assert.Equal(nameof(NodePhase.Active), Assert.Single(Nodes(), n => n.Name == "d1-1.paas.test").State);
    }
}
