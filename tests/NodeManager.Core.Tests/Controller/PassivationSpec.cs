using Akka.Actor;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>
/// Idle Active nodes stop their actors (passivation) and lose nothing: status still shows them, a drain or a check of
/// their server recreates them from the journal, and a restarted controller resumes them.
/// </summary>
public sealed class PassivationSpec : ControllerSpecBase
{
    private const string Host1 = "d1-1.paas.test";
    private const string NodeActorPath = "/user/districts/district-d1/district/node-d1-1.paas.test-1";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    public PassivationSpec()
    {
        World.Lifecycle = World.Lifecycle with { PassivateAfter = TimeSpan.FromMinutes(2) };
        World.Paas.ScaleDemand("d1", 0);
    }

    [Fact]
    public async Task District_must_passivate_an_idle_Active_node_and_still_show_it_with_its_state()
    {
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "an Active node");
        var before = Assert.Single(Nodes());
        Assert.NotNull(await NodeActor());

        AdvanceUntil(() => Host!.Board.PassivatedNodes == 1, "the node passivated", Step);

        Assert.Null(await NodeActor());
        var after = Assert.Single(Nodes());
        Assert.Equal((Host1, "Active", before.ServerId, before.VolumeId), (after.Name, after.State, after.ServerId, after.VolumeId));
        Assert.Equal(before.History.Select(h => h.Event), after.History.Select(h => h.Event));
        Assert.Equal(1, District("d1")!.NodesByState["Active"]);
    }

    [Fact]
    public async Task A_drain_of_a_passivated_node_must_recreate_it_and_reclaim_it()
    {
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && Host!.Board.PassivatedNodes == 1, "a passivated Active node", Step);

        var answer = await Host!.RequestDrainAsync("d1", Host1, "maintenance", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Host1, Assert.IsType<DistrictSupervisor.DrainAccepted>(answer).Host);
        AdvanceUntil(() => Nodes().Any(n => n.Name == Host1 && n.State == nameof(NodePhase.Reclaimed)),
            () => $"the drained node reclaimed ({Describe()})");
        Assert.Equal(0, ServersNamed("d1_1"));
        Assert.Equal(0, VolumesNamed(Host1));
        var reclaimed = Nodes().Single(n => n.Name == Host1 && n.State == nameof(NodePhase.Reclaimed));
        Assert.Equal("d1-1", reclaimed.LaunchId);
    }

    [Fact]
    public async Task A_passivated_node_the_platform_stopped_reporting_must_be_recreated_and_checked()
    {
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && Host!.Board.PassivatedNodes == 1, "a passivated Active node", Step);

        await World.Paas.RemoveNodeAsync(new PlatformNode("d1", "small", Host1), CancellationToken.None);

        AdvanceUntil(() => IsReady(Host1) && Nodes().Single(n => n.Name == Host1).History.Any(h => h.Event == "RejoinStarted"),
            () => $"the node checked and back on the platform ({Describe()})");
        Assert.Equal(nameof(NodePhase.Active), Assert.Single(Nodes()).State);
        Assert.Equal(1, ServersNamed("d1_1"));
    }

    [Fact]
    public async Task A_restarted_controller_must_resume_passivated_nodes_from_the_journal()
    {
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && Host!.Board.PassivatedNodes == 1, "a passivated Active node", Step);
        var before = Assert.Single(Nodes());

        await Host!.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        StartController(minNodes: 1);

        AdvanceUntil(() => Host.Board.Districts.TryGetValue("d1", out var d) && d.Recovered && NodesIn(NodePhase.Active) == 1,
            () => $"the node resumed ({Describe()})");
        Assert.NotNull(await NodeActor());
        var after = Assert.Single(Nodes());
        Assert.Equal((before.LaunchId, before.ServerId, before.VolumeId), (after.LaunchId, after.ServerId, after.VolumeId));
        Assert.Single(World.Cloud.Servers);
        AdvanceUntil(() => Host.Board.PassivatedNodes == 1, "the resumed node passivated again", Step);
    }

    [Fact]
    public async Task District_must_keep_node_actors_when_passivation_is_off()
    {
        World.Lifecycle = World.Lifecycle with { PassivateAfter = null };
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "an Active node");

        var until = Time.GetUtcNow() + TimeSpan.FromMinutes(10);
        AdvanceUntil(() => Time.GetUtcNow() >= until, "ten idle minutes", TimeSpan.FromSeconds(30));

        Assert.Equal(0, Host!.Board.PassivatedNodes);
        Assert.NotNull(await NodeActor());
    }

    private async Task<IActorRef?> NodeActor() =>
        (await Sys.ActorSelection(NodeActorPath).Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(10))).Subject;

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));
}
