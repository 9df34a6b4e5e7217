using Akka.Actor;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>Which names new nodes take, and which finished nodes a district still shows after a restart.</summary>
public sealed class NamingAndHistorySpec : ControllerSpecBase
{
    [Fact]
    public async Task District_must_not_name_a_new_node_after_an_unmanaged_host_the_capacity_document_reports()
    {
        await World.Paas.AddNodeAsync(new PlatformNode("d1", "small", "d1-1.paas.test"), CancellationToken.None);
        World.Paas.ScaleDemand("d1", 30);
        StartController();

        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 1, () => $"an active node ({Describe()})");

        // The lowest free index is 2: every managed node, launched at once or later, avoids the unmanaged host's name.
        Assert.Contains(Nodes(), n => n.Name == "d1-2.paas.test");
        Assert.DoesNotContain(Nodes(), n => n.Name == "d1-1.paas.test");
        Assert.DoesNotContain(World.Cloud.Servers, s => s.Name == "d1_1");
    }

    [Fact]
    public void District_must_keep_its_finished_nodes_with_their_launch_ids_across_a_restart()
    {
        World.Cloud.Options.FailBoots = 100;
        StartController();
        AdvanceUntil(() => NodesIn(NodePhase.Failed) >= 2, () => $"two failed launches ({Describe()})", TimeSpan.FromSeconds(5));
        var failed = Nodes().Where(n => n.State == nameof(NodePhase.Failed)).ToList();

        Sys.ActorSelection("/user/districts/district-d1/district").Tell(PoisonPill.Instance);
        AdvanceUntil(() => Host!.Board.Districts["d1"].Recovered && NodesIn(NodePhase.Failed) >= failed.Count,
            () => $"the district back with its failed nodes ({Describe()})");

        var after = Nodes().Where(n => n.State == nameof(NodePhase.Failed)).Select(n => n.LaunchId).ToList();
        Assert.Superset(failed.Select(n => n.LaunchId).ToHashSet(), after.ToHashSet());
        Assert.All(Nodes().Where(n => n.State == nameof(NodePhase.Failed)), n => Assert.Contains("ERROR", n.LastError));
        Assert.Equal(failed.Select(n => n.LaunchId).Distinct().Count(), failed.Count);
    }

    [Fact]
    public async Task Node_lookup_must_return_the_live_node_when_finished_ones_held_its_name()
    {
        World.Cloud.Options.FailBoots = 1;
        World.Lifecycle = World.Lifecycle with { LaunchRetries = 0 };
        World.Paas.ScaleDemand("d1", 30);
        StartController();

        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 1 && NodesIn(NodePhase.Failed) >= 1, () => $"one failed and one active ({Describe()})");

        var failed = Nodes().Single(n => n.State == nameof(NodePhase.Failed));
        var live = await Host!.GetNodeAsync(failed.Name, CancellationToken.None);
        Assert.Equal(nameof(NodePhase.Active), live!.State);
        Assert.NotEqual(failed.LaunchId, live.LaunchId);
        Assert.Equal(nameof(NodePhase.Failed), (await Host.GetNodeAsync(failed.LaunchId, CancellationToken.None))!.State);
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}[{n.LaunchId}]:{n.State}"));
}
