using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The district brings back node actors that stopped, and checks nodes the platform stopped reporting.</summary>
public sealed class NodeRecoverySpec : ControllerSpecBase
{
    private const string Host1 = "d1-1.paas.test";

    private static readonly PlatformNode Node1 = new("d1", "small", Host1);

    [Theory]
    [InlineData(1)] // NodeRequested: the actor stops before it has any state
    [InlineData(3)] // ServerCreated: the server exists but its id was never journaled
    public async Task District_must_recreate_a_node_actor_that_stopped_on_a_journal_failure(int write)
    {
        var fault = new FailWriteOnce(write, NodeLifecycleActor.PersistenceIdFor("d1-1"));
        await Journal.OnWrite.SetInterceptorAsync(fault);
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 1);

        AdvanceUntil(() => fault.Struck, $"journal write {write} of node d1-1 to fail");
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, () => $"the node Active again ({Describe()})", TimeSpan.FromSeconds(2));

        var node = Assert.Single(Nodes());
        Assert.Equal(Host1, node.Name);
        Assert.Equal(1, ServersNamed("d1_1"));
        Assert.Single(World.Cloud.Servers);
    }

    [Fact]
    public async Task District_must_recreate_every_node_actor_that_stopped_at_the_same_time()
    {
        // Both launches of min-nodes 2 start in one instant, and both nodes' first journal write fails: each stopped
        // actor needs its own recreate timer, as a timer started under a key already running replaces it.
        var fault = new FailWriteOnce(1, NodeLifecycleActor.PersistenceIdFor("d1-1"), NodeLifecycleActor.PersistenceIdFor("d1-2"));
        await Journal.OnWrite.SetInterceptorAsync(fault);
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 2);

        AdvanceUntil(() => fault.Struck, "the first journal write of nodes d1-1 and d1-2 to fail");
        var struck = Time.GetUtcNow();
        // Bounded in virtual time, so a node left stopped fails here rather than after the real-time patience.
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2 || Time.GetUtcNow() - struck > TimeSpan.FromMinutes(10),
            () => $"both nodes Active again ({Describe()})", TimeSpan.FromSeconds(2));

        Assert.Equal(["d1-1.paas.test", "d1-2.paas.test"], Nodes().Where(n => n.State == nameof(NodePhase.Active)).Select(n => n.Name).Order());
        Assert.Equal(1, ServersNamed("d1_1"));
        Assert.Equal(1, ServersNamed("d1_2"));
        Assert.Equal(2, World.Cloud.Servers.Count);
    }

    [Fact]
    public async Task District_must_verify_an_Active_node_the_platform_stopped_reporting()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && IsReady(Host1), "an Active node");

        await World.Paas.RemoveNodeAsync(Node1, CancellationToken.None);

        AdvanceUntil(() => IsReady(Host1) && NodesIn(NodePhase.Active) == 1, () => $"the node back on the platform ({Describe()})");
        var node = Assert.Single(Nodes());
        Assert.Contains(node.History, h => h.Event == "RejoinStarted");
        Assert.Equal(1, ServersNamed("d1_1"));
    }

    [Fact]
    public async Task District_must_replace_an_Active_node_whose_server_vanished()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && IsReady(Host1), "an Active node");
        var lost = Assert.Single(Nodes());

        await World.Cloud.DeleteServerAsync(lost.ServerId!, CancellationToken.None);
        AdvanceUntil(() => ServersNamed("d1_1") == 0, "the server gone");
        await World.Paas.RemoveNodeAsync(Node1, CancellationToken.None);

        AdvanceUntil(() => NodesIn(NodePhase.Failed) == 1 && NodesIn(NodePhase.Active) == 1 && IsReady(Host1),
            () => $"the lost node failed and a new one Active ({Describe()})", TimeSpan.FromSeconds(2));
        Assert.Contains("no longer exists", Nodes().Single(n => n.State == nameof(NodePhase.Failed)).LastError);
        Assert.Single(World.Cloud.Servers);
        Assert.Single(World.Cloud.Volumes);
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));
}
