using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Tests.Support;
using NodeManager.Testing;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>The drain steps against a recording platform: what the node asks of the platform, in which order and to where.</summary>
public sealed class NodeStepRunnerDrainSpec : NodeStepRunnerSpecBase
{
    private readonly RecordingPlatform _platform = new();

    public NodeStepRunnerDrainSpec() => World.Platform = _platform;

    private NodeLifecycleState Draining(params string[] targets) => NodeLifecycleState.Empty
        .Apply(new NodeRequested("d1-1", "d1", "small", 1, "d1_1", Self, Now))
        .Apply(new ServerCreated("srv-1", Now))
        .Apply(new DrainStarted("test", targets, Now));

    private void Holding(params string[] gears) => _platform.Gears[Self] = [.. gears];

    private Task<IReadOnlyList<IEvent>> RunAsync(NodeLifecycleState state, NodeStep step) =>
        World.Runner.RunAsync(state, step, Now, CancellationToken.None);

    /// <summary>Rule: a draining node is closed to new gears on the platform before any gear moves off it.</summary>
    [Fact]
    public async Task NodeStepRunner_must_deactivate_the_node_on_the_platform()
    {
        Assert.IsType<NodeDeactivated>(Assert.Single(await RunAsync(Draining("d1-2"), NodeStep.Deactivate)));

        Assert.Equal([$"deactivate {Self}"], _platform.Calls);
    }

    /// <summary>Rule: gears are never moved onto the node being drained; with nowhere else to go the move is an error.</summary>
    [Fact]
    public async Task NodeStepRunner_must_refuse_to_move_gears_when_no_other_node_can_take_them()
    {
        Holding("g1");

        var refused = await Assert.ThrowsAsync<PlatformException>(() => RunAsync(Draining(Self), NodeStep.MoveGears));

        Assert.Equal($"move-gear {Self}: no other active node in the district to move gears to", refused.Message);
        Assert.Empty(_platform.Calls);
    }

    /// <summary>Rule: at most <c>drain-concurrency</c> gears move per step, and at least one.</summary>
    [Theory]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public async Task NodeStepRunner_must_move_at_most_drain_concurrency_gears_per_step(int concurrency, int moved)
    {
        World.Lifecycle = World.Lifecycle with { DrainConcurrency = concurrency };
        Holding("g1", "g2", "g3");

        var events = await RunAsync(Draining("d1-2"), NodeStep.MoveGears);

        Assert.Equal(moved, events.Count);
        Assert.All(events, e => Assert.IsType<GearMoved>(e));
        Assert.Equal(new[] { "g1", "g2", "g3" }[..moved], events.Cast<GearMoved>().Select(g => g.Gear));
    }

    /// <summary>
    /// Rule: gears go round-robin over the targets (never the node itself), continuing after the moves already made or
    /// failed, so that one target does not take them all.
    /// </summary>
    [Fact]
    public async Task NodeStepRunner_must_spread_gears_round_robin_over_the_targets_continuing_where_the_drain_left_off()
    {
        World.Lifecycle = World.Lifecycle with { DrainConcurrency = 3 };
        Holding("g1", "g2", "g3");
        var fresh = Draining("a", Self, "b", "c");
        var resumed = fresh.Apply(new GearMoved("g0", "a", Now)).Apply(new GearMoveFailed("gx", "b", "refused", Now));

        var first = await RunAsync(fresh, NodeStep.MoveGears);
        Holding("g1", "g2", "g3");
        var later = await RunAsync(resumed, NodeStep.MoveGears);

        Assert.Equal(["a", "b", "c"], first.Cast<GearMoved>().Select(g => g.Target));
        Assert.Equal(["c", "a", "b"], later.Cast<GearMoved>().Select(g => g.Target));
    }

    /// <summary>Rule: a gear the platform will not move is reported with the platform's words; the drain goes on.</summary>
    [Fact]
    public async Task NodeStepRunner_must_report_a_failed_gear_move_with_the_platforms_message()
    {
        World.Lifecycle = World.Lifecycle with { DrainConcurrency = 2 };
        Holding("g1", "g2");
        _platform.Unmovable.Add("g1");

        var events = await RunAsync(Draining("d1-2"), NodeStep.MoveGears);

        var failed = Assert.IsType<GearMoveFailed>(events[0]);
        Assert.Equal(("g1", "d1-2", "move-gear g1: the target refused it"), (failed.Gear, failed.Target, failed.Error));
        Assert.Equal("g2", Assert.IsType<GearMoved>(events[1]).Gear);
    }

    /// <summary>Rule: a drain ends once the node holds no gear.</summary>
    [Fact]
    public async Task NodeStepRunner_must_report_the_node_drained_when_it_holds_no_gear()
    {
        Holding();

        Assert.IsType<NodeDrained>(Assert.Single(await RunAsync(Draining("d1-2"), NodeStep.MoveGears)));
    }

    /// <summary>Rule: a node that still holds gears is never removed from the platform.</summary>
    [Fact]
    public async Task NodeStepRunner_must_refuse_to_remove_a_node_that_still_holds_gears()
    {
        Holding("g1", "g2");

        var refused = await Assert.ThrowsAsync<PlatformException>(() => RunAsync(Draining("d1-2"), NodeStep.RemoveFromPlatform));
        Holding();
        var removed = await RunAsync(Draining("d1-2"), NodeStep.RemoveFromPlatform);

        Assert.Equal($"remove-node {Self}: refusing to remove a node that still holds 2 gear(s)", refused.Message);
        Assert.IsType<NodeRemoved>(Assert.Single(removed));
        Assert.Equal([$"remove {Self}"], _platform.Calls);
    }
}
