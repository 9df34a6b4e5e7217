using System.Text.RegularExpressions;
using NodeManager.Cli;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Hosting;

/// <summary>
/// The shipped binary: signals end in one clean coordinated shutdown and exit 0, with Akka's lines in the product's log
/// format; a bad file ends in exit 2 before anything starts. Every failure shows the child's output.
/// </summary>
public sealed partial class ProcessSignalSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();

    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("INT", "SIGINT")]
    [InlineData("QUIT", "SIGQUIT")]
    public async Task Nodemgr_run_must_shut_down_cleanly_and_exit_0_on_a_signal(string signal, string reason)
    {
        var config = _files.Write("nm.conf", """
            node-manager {
              cloud = simulated
              simulators.openstack.port = 0
              management.port = 0
              logging.console.theme = none
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "run", "--config", config);
        var management = await nodemgr.Management.WaitAsync(Limit);
        using var client = new HttpClient { BaseAddress = management, Timeout = Limit };
        var alive = await client.GetAsync("/alive").WaitAsync(Limit);

        nodemgr.Signal(signal);
        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(alive.IsSuccessStatusCode, nodemgr.Output);
        Assert.True(code == ExitCodes.Success, $"exit {code}\n{nodemgr.Output}");
        var lines = nodemgr.Stdout.Split('\n');
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        string[] inOrder =
        [
            $"Shutting down ({reason})",
            "Management endpoint stopped accepting requests",
            "Controller stopped",
            "NodeManager stopped",
        ];
        var at = inOrder.Select(Line).ToList();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), $"expected in order: {string.Join(" | ", inOrder)}\n{nodemgr.Output}");
        Assert.True(lines.Count(l => l.Contains("NodeManager stopped", StringComparison.Ordinal)) == 1, nodemgr.Output);

        // Akka's own line (its logger actor writes asynchronously, so only its form is checked): the product's format,
        // with a short source instead of Akka's class name or address.
        Assert.True(
            lines.Any(l => AkkaShutdownLine().IsMatch(l)),
            $"no line like \"HH:mm:ss.fff INF CoordinatedShutdown  CoordinatedShutdown invoked due to [Reason:…ShutdownRequested]\"\n{nodemgr.Output}");
    }

    [Fact]
    public async Task Nodemgr_run_must_exit_2_with_every_error_located_before_starting_anything()
    {
        var config = _files.Write("bad.conf", """
            node-manager {
              management.prot = 8558
              cloud = azure
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "run", "--config", config);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.ConfigError, $"exit {code}\n{nodemgr.Output}");
        Assert.Contains($"{config}:2:", nodemgr.Stderr);
        Assert.Contains("node-manager.management.prot", nodemgr.Stderr);
        Assert.Contains($"{config}:3:", nodemgr.Stderr);
        Assert.Contains("node-manager.cloud", nodemgr.Stderr);
        Assert.DoesNotContain("Management endpoint listening", nodemgr.Stdout);
    }

    public void Dispose() => _files.Dispose();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} INF CoordinatedShutdown +CoordinatedShutdown invoked due to \[Reason:NodeManager\.Hosting\.ShutdownRequested\]")]
    private static partial Regex AkkaShutdownLine();
}
