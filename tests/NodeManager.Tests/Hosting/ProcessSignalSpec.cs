using NodeManager.Cli;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Hosting;

/// <summary>The shipped binary: signals end in a clean shutdown and exit 0; a bad file ends in exit 2 before anything starts.</summary>
public sealed class ProcessSignalSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Nodemgr_run_must_shut_down_cleanly_and_exit_0_on_a_signal(string signal)
    {
        var config = _files.Write("nm.conf", """
            node-manager {
              cloud = simulated
              simulators.openstack.port = 0
              management.port = 0
              persistence.journal.plugin = inmem
              logging.console.theme = none
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "run", "--config", config);
        var management = await nodemgr.Management.WaitAsync(Limit);
        using var client = new HttpClient { BaseAddress = management };
        var alive = await client.GetAsync("/alive");

        nodemgr.Signal(signal);
        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(alive.IsSuccessStatusCode);
        Assert.True(code == ExitCodes.Success, $"exit {code}\n{nodemgr.Stdout}\n{nodemgr.Stderr}");
        Assert.Contains("Coordinated shutdown of nodemanager started", nodemgr.Stdout);
        Assert.Contains("NodeManager stopped", nodemgr.Stdout);
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

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains($"{config}:2:", nodemgr.Stderr);
        Assert.Contains("node-manager.management.prot", nodemgr.Stderr);
        Assert.Contains($"{config}:3:", nodemgr.Stderr);
        Assert.Contains("node-manager.cloud", nodemgr.Stderr);
        Assert.DoesNotContain("Management endpoint listening", nodemgr.Stdout);
    }

    public void Dispose() => _files.Dispose();
}
