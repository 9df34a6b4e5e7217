using System.Text.Json;
using NodeManager.Cli;
using NodeManager.Hosting;
using NodeManager.Simulators.OpenStack;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// "Ctrl-C stops cleanly; running it again resumes from the journal with no duplicate or orphaned instance": the demo
/// is stopped while nodes are Active and others still launching, then started again on the same journal and the
/// same simulator state files.
/// </summary>
public sealed class DemoRestartSpec : IDisposable
{
    private const double Speed = 10;
    private static readonly string[] Launching = ["Requested", "Booting", "VolumeAttaching", "Joining"];
    private static readonly string[] Transitional = [.. Launching, "Draining", "Reclaiming"];
    private static readonly string[] Gone = ["Reclaimed", "Failed", "Aborted"];

    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task A_second_run_on_the_same_journal_and_state_files_must_resume_every_node_with_no_failure_and_no_second_server()
    {
        string[] configs =
        [
            Path.Combine(AppContext.BaseDirectory, "demo.conf"),
            _files.Write("test-overrides.conf", $$"""
                node-manager {
                  management.port = 0
                  simulators.openstack.port = 0
                  persistence.journal.connection-string = "Data Source={{_files.PathOf("demo.db")}}"
                  simulators.openstack.state-file = "{{_files.PathOf("openstack-simulator.json")}}"
                  simulators.paas.state-file = "{{_files.PathOf("paas-simulator.json")}}"
                  logging.console.enabled = off
                }
                """),
        ];
        var firstClock = new FastClock(Speed);
        var (before, _) = await RunUntilAsync(configs, firstClock, nodes => Count(nodes, "Active") >= 1 && Count(nodes, Launching) >= 1);

        var secondClock = new FastClock(Speed, firstClock.GetUtcNow());
        var resumeBy = secondClock.GetUtcNow() + TimeSpan.FromSeconds(20);
        var (after, servers) = await RunUntilAsync(configs, secondClock,
            nodes => secondClock.GetUtcNow() > resumeBy && Count(nodes, Transitional) == 0);

        Assert.Equal(0, Count(after, "Failed"));
        // Nodes that were Active or launching carry on with the server and volume they already had.
        foreach (var node in before.EnumerateArray().Where(n => n.GetProperty("state").GetString() != "Requested"))
        {
            var again = after.EnumerateArray().Single(n => n.GetProperty("name").GetString() == node.GetProperty("name").GetString());
            if (Gone.Contains(again.GetProperty("state").GetString())) continue; // demand restarted and it was reclaimed
            foreach (var resource in new[] { "serverId", "volumeId" })
                if (node.GetProperty(resource).GetString() is { } id) // a node still booting gets its volume later
                    Assert.Equal(id, again.GetProperty(resource).GetString());
        }

        // Nothing orphaned, nothing twice: the cloud holds exactly the live nodes' servers.
        var live = after.EnumerateArray().Where(n => !Gone.Contains(n.GetProperty("state").GetString()))
            .Select(n => n.GetProperty("serverId").GetString()!).Order().ToList();
        Assert.Equal(live, servers.Where(s => !s.Deleting).Select(s => s.Id).Order().ToList());
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Runs <c>nodemgr run</c> in-process until <paramref name="until"/> holds on <c>/nodes</c>, then stops it as Ctrl-C would.</summary>
    private static async Task<(JsonElement Nodes, IReadOnlyList<SimulatedServer> Servers)> RunUntilAsync(
        string[] configs, FastClock clock, Func<JsonElement, bool> until)
    {
        var started = new TaskCompletionSource<NodeManagerHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var stderr = new StringWriter();
        var run = NodeManagerService.RunAsync(
            new RunOptions(configs) { TimeProvider = clock, HandleSignals = false, Started = started.SetResult }, stderr, stop.Token);
        var host = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var simulator = ((ProductControllerRuntime)host.Runtime).OpenStackSimulator!;
        using var client = new HttpClient { BaseAddress = host.ManagementAddresses[0] };
        JsonElement nodes = default;
        await new ManagementPoller(client).UntilAsync(
            async m =>
            {
                nodes = (await m.GetAsync("/nodes")).GetProperty("nodes");
                return until(nodes);
            },
            TimeSpan.FromSeconds(60),
            () => $"nodes {nodes}");
        var servers = simulator.Admin.Servers();
        stop.Cancel();
        Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("", stderr.ToString());
        return (nodes, servers);
    }

    private static int Count(JsonElement nodes, params string[] states) =>
        nodes.ValueKind == JsonValueKind.Array ? nodes.EnumerateArray().Count(n => states.Contains(n.GetProperty("state").GetString())) : 0;
}
