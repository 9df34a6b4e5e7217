using System.Text.Json;
using NodeManager.Cli;
using NodeManager.Core.Configuration;
using NodeManager.Hosting;
using NodeManager.Simulators.Paas;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// The main job end to end: <c>hocon/demo.conf</c> through <c>nodemgr run</c>'s own code path (in-process
/// OpenStack and PaaS simulators, a SQLite journal) on a clock running <see cref="Speed"/> times faster, watched
/// only through the management endpoint — then checked against the simulated cloud for leaks.
/// </summary>
public sealed class DemoScenarioSpec : IDisposable
{
    private const double Speed = 10;
    private static readonly string[] Transitional = ["Requested", "Booting", "VolumeAttaching", "Joining", "Draining", "Reclaiming"];
    private static readonly string[] Gone = ["Reclaimed", "Failed", "Aborted"];

    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task Demo_must_scale_up_report_the_quota_drain_on_falling_demand_and_leak_no_server_or_volume()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo.conf");
        var journal = _files.PathOf("demo.db");
        var overrides = _files.Write("test-overrides.conf", $$"""
            node-manager {
              management.port = 0
              simulators.openstack.port = 0
              persistence.journal.connection-string = "Data Source={{journal}}"
              simulators.openstack.state-file = "{{_files.PathOf("openstack-simulator.json")}}"
              simulators.paas.state-file = "{{_files.PathOf("paas-simulator.json")}}"
              logging.console.enabled = off
            }
            """);
        var scenarioLength = PaasSimulatorOptions.Create(NodeManagerConfig.Load([demo, overrides])).Districts
            .SelectMany(d => d.Demand).Max(p => p.At);
        var clock = new FastClock(Speed);
        var started = new TaskCompletionSource<NodeManagerHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var stderr = new StringWriter();
        var run = NodeManagerService.RunAsync(
            new RunOptions([demo, overrides]) { TimeProvider = clock, HandleSignals = false, Started = started.SetResult },
            stderr,
            stop.Token);

        var host = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var simulator = ((ProductControllerRuntime)host.Runtime).OpenStackSimulator!;
        using var client = new HttpClient { BaseAddress = host.ManagementAddresses[0] };
        var management = new ManagementPoller(client);
        var end = clock.GetUtcNow() + scenarioLength;
        var sawExhausted = false;
        var mostActive = 0;
        JsonElement nodes = default;
        var limit = TimeSpan.FromSeconds(scenarioLength.TotalSeconds / Speed + 120);

        await management.UntilAsync(
            async m =>
            {
                var districts = (await m.GetAsync("/districts")).GetProperty("districts");
                sawExhausted |= districts.EnumerateArray().Any(d =>
                    d.GetProperty("conditions").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "exhausted"));
                nodes = (await m.GetAsync("/nodes")).GetProperty("nodes");
                mostActive = Math.Max(mostActive, Count(nodes, "Active"));
                return clock.GetUtcNow() > end && Count(nodes, Transitional) == 0 && Count(nodes, "Reclaimed") > 0;
            },
            limit,
            () => $"scenario time left {end - clock.GetUtcNow()}, nodes by state {Describe(nodes)}, exhausted seen {sawExhausted}");

        var live = nodes.EnumerateArray()
            .Where(n => !Gone.Contains(n.GetProperty("state").GetString()))
            .Select(n => n.GetProperty("serverName").GetString()!)
            .Order()
            .ToList();
        var liveVolumes = nodes.EnumerateArray()
            .Where(n => !Gone.Contains(n.GetProperty("state").GetString()))
            .Select(n => n.GetProperty("volumeId").GetString()!)
            .Order()
            .ToList();
        var servers = simulator.Admin.Servers().Where(s => !s.Deleting).Select(s => s.Name).Order().ToList();
        var volumes = simulator.Admin.Volumes().Where(v => !v.Deleting).Select(v => v.Id).Order().ToList();
        stop.Cancel();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(sawExhausted, "the demo's demand should run into the simulated quota and /districts should say so");
        Assert.True(mostActive > Count(nodes, "Active"), $"falling demand should drain nodes: at most {mostActive} active, {Count(nodes, "Active")} at the end");
        Assert.True(Count(nodes, "Active") >= 1, "min-nodes 1 keeps one node active");
        Assert.Equal(live, servers);
        Assert.Equal(liveVolumes, volumes);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr.ToString());
    }

    public void Dispose() => _files.Dispose();

    private static int Count(JsonElement nodes, params string[] states) =>
        nodes.ValueKind == JsonValueKind.Array ? nodes.EnumerateArray().Count(n => states.Contains(n.GetProperty("state").GetString())) : 0;

    private static string Describe(JsonElement nodes) =>
        nodes.ValueKind != JsonValueKind.Array
            ? "(none read)"
            : string.Join(", ", nodes.EnumerateArray().GroupBy(n => n.GetProperty("state").GetString()).Select(g => $"{g.Key} {g.Count()}"));
}
