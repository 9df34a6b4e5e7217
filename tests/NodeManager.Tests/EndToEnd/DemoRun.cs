using System.Text.Json;
using NodeManager.Cli;
using NodeManager.Hosting;
using NodeManager.Simulators.OpenStack;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Logging;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// One <c>nodemgr run</c> of demo.conf at <see cref="DemoSpeed"/>, in-process through the product's own code path, its
/// state (journal, both simulators' files) in a test's directory, read only through the management endpoint and the
/// simulated cloud, and stopped as Ctrl-C would.
/// </summary>
internal sealed class DemoRun : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly Task<int> _run;
    private readonly CancellationTokenSource _stop;
    private readonly StringWriter _stderr;
    private readonly HttpClient _client;

    private DemoRun(Task<int> run, CancellationTokenSource stop, StringWriter stderr, NodeManagerHost host, CollectingSink log)
    {
        _run = run;
        _stop = stop;
        _stderr = stderr;
        Log = log;
        Simulator = ((ProductControllerRuntime)host.Runtime).OpenStackSimulator!;
        _client = new HttpClient { BaseAddress = host.ManagementAddresses[0], Timeout = Limit };
        Management = new ManagementPoller(_client);
    }

    public ManagementPoller Management { get; }

    /// <summary>The management endpoint's address.</summary>
    public Uri BaseAddress => _client.BaseAddress!;

    public OpenStackSimulator Simulator { get; }

    public CollectingSink Log { get; }

    /// <summary>The demo's files and the test's overrides: its state under <paramref name="files"/>, kept between runs.</summary>
    public static string[] Configs(TempConfigFiles files) =>
    [
        DemoSpeed.DemoFile,
        files.Write("test-overrides.conf", DemoSpeed.Overrides() + $$"""
            node-manager {
              management.port = 0
              simulators.openstack.port = 0
              persistence.journal.connection-string = "Data Source={{files.PathOf("demo.db")}}"
              simulators.openstack.state-file = "{{files.PathOf("openstack-simulator.json")}}"
              simulators.paas.state-file = "{{files.PathOf("paas-simulator.json")}}"
              logging.console.enabled = off
            }
            """),
    ];

    public static async Task<DemoRun> StartAsync(string[] configs)
    {
        var log = new CollectingSink();
        var started = new TaskCompletionSource<NodeManagerHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var stderr = new StringWriter();
        var run = NodeManagerService.RunAsync(
            new RunOptions(configs) { HandleSignals = false, LogSink = log, Started = started.SetResult }, stderr, stop.Token);
        var host = await Task.WhenAny(started.Task, run).WaitAsync(Limit) == started.Task
            ? await started.Task
            : throw new InvalidOperationException($"nodemgr run ended before it started: exit {await run}, {stderr}");
        return new DemoRun(run, stop, stderr, host, log);
    }

    public async Task<JsonElement> NodesAsync() => (await Management.GetAsync("/nodes")).GetProperty("nodes");

    /// <summary>Polls <c>/nodes</c> until <paramref name="until"/> holds; returns the nodes it held on.</summary>
    public async Task<JsonElement> NodesWhenAsync(Func<JsonElement, bool> until, TimeSpan limit)
    {
        JsonElement nodes = default;
        await Management.UntilAsync(
            async _ =>
            {
                nodes = await NodesAsync();
                return until(nodes);
            },
            limit,
            () => $"nodes by state: {DemoNodes.Describe(nodes)}");
        return nodes;
    }

    /// <summary>Stops the run as Ctrl-C would; it must exit 0 with nothing on stderr.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        var code = await _run.WaitAsync(Limit);
        Assert.True(code == ExitCodes.Success && _stderr.ToString().Length == 0, $"exit {code}, stderr: {_stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(Limit);
        }

        _client.Dispose();
        _stop.Dispose();
    }
}
