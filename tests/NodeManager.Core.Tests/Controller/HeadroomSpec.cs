using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The quota headroom check before a launch counts what launches in flight will take.</summary>
public sealed class HeadroomSpec : ControllerSpecBase
{
    [Fact]
    public void Headroom_must_count_launches_the_cached_limits_do_not_show_yet()
    {
        // Limits read once and trusted for an hour: the nodes launched since are not in them.
        Scaling = Scaling with { LimitsCacheTtl = TimeSpan.FromHours(1) };
        World.Cloud.Options.InstanceQuota = 2;
        StartController(paas: Paas(Time, new DemandPoint(TimeSpan.Zero, 600)));

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2 && District("d1")!.Conditions.Any(c => c.Type == "exhausted"),
            () => $"two active nodes and the quota seen before a third launch ({Describe()})", TimeSpan.FromSeconds(2));

        Assert.Contains("quota headroom", District("d1")!.Conditions.Single(c => c.Type == "exhausted").Message);
        Assert.Equal(0, NodesIn(NodePhase.Aborted));
        Assert.Equal(2, World.Cloud.Servers.Count);
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));
}
