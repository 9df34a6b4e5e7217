using System.Text.Json;
using NodeManager.Core.Nodes;
using NodeManager.Simulators.OpenStack;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;
using static NodeManager.Tests.EndToEnd.DemoNodes;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// "Ctrl-C stops cleanly; running it again resumes from the journal with no duplicate or orphaned instance": the demo
/// is stopped while a node is Active and another is still launching, then started again on the same journal and the
/// same simulator state files.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class DemoRestartSpec : IDisposable
{
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task A_second_run_on_the_same_journal_and_state_files_must_resume_every_node_with_no_failure_and_no_second_server()
    {
        var configs = DemoRun.Configs(_files);
        var limit = DemoSpeed.ScenarioLength + TimeSpan.FromMinutes(3);

        await using var first = await DemoRun.StartAsync(configs);
        await first.NodesWhenAsync(n => Count(n, "Active") >= 1, limit);

        // Attaching a volume hangs from here on, so a node that gets that far stays launching until the stop: a state
        // that holds, not a moment to catch. The next run's simulator has no such fault.
        first.Simulator.Admin.SetFault(SimulatorOps.AttachmentCreate, new FaultSpec { Hang = true });
        var before = await first.NodesWhenAsync(n => Count(n, "VolumeAttaching") >= 1, limit);
        await first.StopAsync();

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await DemoRun.StartAsync(configs);
        var curveOver = DateTimeOffset.UtcNow + DemoSpeed.ScenarioLength;
        var after = await second.NodesWhenAsync(
            n => DateTimeOffset.UtcNow > curveOver && Count(n, "Active") == 1 && Count(n, Transitional) == 0,
            limit);
        var servers = second.Simulator.Admin.Servers().Where(s => !s.Deleting).Select(s => s.Id).Order().ToList();
        await second.StopAsync();

        Assert.Equal(0, Count(after, "Failed"));

        // Nodes that were Active or launching carry on from their journal, with the server and volume they already had.
        foreach (var node in before.EnumerateArray().Where(n => State(n) != "Requested"))
        {
            // Finished nodes are kept and names are reused: the launch id tells this node apart.
            var again = after.EnumerateArray().Single(n => LaunchId(n) == LaunchId(node));
            var earlier = Steps(node).ToList();
            var kept = Steps(again).ToList();
            // A drain's gear moves can fill the kept history: its middle is then trimmed, and only the request, first, is
            // still the one from before the restart.
            var continues = kept.Count < NodeLifecycleState.HistoryLimit
                ? kept.Take(earlier.Count).SequenceEqual(earlier)
                : kept[0] == earlier[0];
            Assert.True(
                continues && At(again, 0) == At(node, 0) && At(again, 0) < restartedAt,
                $"{Name(node)} did not resume its lifecycle from the journal (a node built anew by the second run has no history from before {restartedAt:O}):\nbefore {node}\nafter {again}");
            Assert.True(StatesPassed(again).Contains("Active"), $"{Name(node)} never became Active after the restart: {again}");
            if (Gone.Contains(State(again)))
            {
                continue; // the demand curve started again, and it was drained and reclaimed
            }

            foreach (var resource in new[] { "serverId", "volumeId" })
            {
                if (node.GetProperty(resource).GetString() is { } id) // a node still booting gets its volume later
                {
                    Assert.Equal(id, again.GetProperty(resource).GetString());
                }
            }
        }

        // Nothing orphaned, nothing twice: the cloud holds exactly the live nodes' servers.
        Assert.Equal([.. Live(after).Select(n => n.GetProperty("serverId").GetString()!).Order()], servers);
    }

    public void Dispose() => _files.Dispose();

    private static string? LaunchId(JsonElement node) => node.GetProperty("launchId").GetString();

    private static IEnumerable<(string? State, string? Event)> Steps(JsonElement node) =>
        node.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("state").GetString(), h.GetProperty("event").GetString()));

    private static DateTimeOffset At(JsonElement node, int entry) => node.GetProperty("history")[entry].GetProperty("at").GetDateTimeOffset();
}
