using NodeManager.Core.Platform;
using NodeManager.Simulators.Paas;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Platform;

public sealed class PaasSimulatorSpec
{
    private static readonly PlatformNode Node = new("d1", "small", "d1-1.example.com");
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public void Demand_must_follow_the_scripted_curve_linearly_between_points()
    {
        var district = new SimulatedDistrict("d1", "small", 100,
            [new DemandPoint(TimeSpan.Zero, 10), new DemandPoint(TimeSpan.FromSeconds(10), 110), new DemandPoint(TimeSpan.FromSeconds(20), 30)]);

        Assert.Equal([10, 60, 110, 70, 30, 30],
            new[] { 0, 5, 10, 15, 20, 99 }.Select(s => district.DemandAt(TimeSpan.FromSeconds(s))));
    }

    [Fact]
    public async Task A_node_must_become_ready_after_the_delay_then_take_gears_up_to_its_maximum()
    {
        var paas = Simulator(demand: 150);
        await paas.AddNodeAsync(Node, CancellationToken.None);

        var before = await paas.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var after = await paas.ReadAsync(CancellationToken.None);

        Assert.False(Assert.Single(before.Nodes).Responding);
        var node = Assert.Single(after.Nodes);
        Assert.True(node.Responding);
        Assert.Equal(100, node.ActiveGears);
        Assert.Equal(50, paas.PendingGears);
    }

    [Fact]
    public async Task A_node_that_holds_gears_must_not_be_removed()
    {
        var paas = Simulator(demand: 5);
        await paas.AddNodeAsync(Node, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<PlatformException>(() => paas.RemoveNodeAsync(Node, CancellationToken.None));

        Assert.Contains("still holds 5 gear(s)", error.Message);
    }

    [Fact]
    public async Task Gear_moves_must_fail_at_the_configured_rate()
    {
        var paas = Simulator(demand: 1, failureRate: 1.0);
        var target = Node with { Host = "d1-2.example.com" };
        await paas.AddNodeAsync(Node, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await paas.AddNodeAsync(target, CancellationToken.None);
        var gear = Assert.Single(await paas.ListGearsAsync(Node, CancellationToken.None));

        var error = await Assert.ThrowsAsync<PlatformException>(() => paas.MoveGearAsync(Node, gear, target.Host, CancellationToken.None));

        Assert.Contains("gear move failed", error.Message);
        Assert.Equal([gear], await paas.ListGearsAsync(Node, CancellationToken.None));
    }

    private PaasSimulator Simulator(int demand, double failureRate = 0) => new(new PaasSimulatorOptions
    {
        ReadyDelay = TimeSpan.FromSeconds(10),
        MoveTime = TimeSpan.Zero,
        MoveFailureRate = failureRate,
        MaxActiveGears = 100,
        Districts = [new SimulatedDistrict("d1", "small", 6000, [new DemandPoint(TimeSpan.Zero, demand)])],
    }, _time);
}
