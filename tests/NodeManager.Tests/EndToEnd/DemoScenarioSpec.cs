using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;
using Serilog.Events;
using static NodeManager.Tests.EndToEnd.DemoNodes;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// The main job end to end: <c>hocon/demo.conf</c> (in-process OpenStack and PaaS simulators) told
/// <see cref="DemoSpeed.Factor"/> times faster, watched only through the management endpoint and the log, then checked
/// against the simulated cloud for leaks.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class DemoScenarioSpec : IDisposable
{
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task Demo_must_scale_up_into_the_quota_drain_on_falling_demand_and_leak_no_server_or_volume()
    {
        await using var demo = await DemoRun.StartAsync(DemoRun.Configs(_files));
        var curveOver = DateTimeOffset.UtcNow + DemoSpeed.ScenarioLength;

        // The story's end: demand has fallen to what min-nodes' one node carries, and the drained nodes are gone.
        var nodes = await demo.NodesWhenAsync(
            n => DateTimeOffset.UtcNow > curveOver && Count(n, "Active") == 1 && Count(n, Transitional) == 0 && Count(n, "Reclaimed") > 0,
            DemoSpeed.ScenarioLength + TimeSpan.FromMinutes(3));
        var servers = demo.Simulator.Admin.Servers().Where(s => !s.Deleting).Select(s => s.Name).Order().ToList();
        var volumes = demo.Simulator.Admin.Volumes().Where(v => !v.Deleting).Select(v => v.Id).Order().ToList();
        await demo.StopAsync();

        Assert.Contains(demo.Log.Events, e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("EXHAUSTED", StringComparison.Ordinal));
        Assert.Contains(nodes.EnumerateArray(), n => State(n) == "Reclaimed" && StatesPassed(n).Contains("Active"));
        Assert.Equal(0, Count(nodes, "Failed"));
        Assert.Equal([.. Live(nodes).Select(n => n.GetProperty("serverName").GetString()!).Order()], servers);
        Assert.Equal([.. Live(nodes).Select(n => n.GetProperty("volumeId").GetString()!).Order()], volumes);
    }

    public void Dispose() => _files.Dispose();
}
