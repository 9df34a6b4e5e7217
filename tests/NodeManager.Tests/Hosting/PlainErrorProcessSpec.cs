using System.Net;
using System.Net.Sockets;
using NodeManager.Cli;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Hosting;

/// <summary>
/// The shipped binary on errors of the setup (a port in use, missing credentials): one line on stderr, and the log on
/// stdout says why without a stack trace.
/// </summary>
public sealed class PlainErrorProcessSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task A_management_port_in_use_must_be_one_line_without_a_stack_trace_and_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var config = _files.Write("nm.conf", $$"""
            node-manager {
              cloud = simulated
              simulators.openstack.port = 0
              management.port = {{port}}
              logging.console.theme = none
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "run", "--config", config);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.Failure, $"exit {code}\n{nodemgr.Output}");
        var error = Assert.Single(Lines(nodemgr.Stderr));
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("address already in use", error, StringComparison.Ordinal);
        AssertNoStackTrace(nodemgr);
        Assert.Contains(Lines(nodemgr.Stdout), l => l.Contains("failed to start", StringComparison.Ordinal) && l.Contains("address already in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_credentials_must_be_one_line_without_a_stack_trace_and_exit_2()
    {
        var config = _files.Write("nm.conf", $$"""
            node-manager {
              management.port = 0
              logging.console.theme = none
              capacity.source = simulated
              platform.adapter = simulated
              openstack {
                cloud = "production"
                clouds-yaml = "{{_files.PathOf("no-clouds.yaml")}}"
              }
            }
            """);
        using var nodemgr = NodemgrProcess.Start(Path.GetDirectoryName(config)!, "run", "--config", config);

        var code = await nodemgr.WaitForExitAsync(Limit);

        Assert.True(code == ExitCodes.ConfigError, $"exit {code}\n{nodemgr.Output}");
        var error = Assert.Single(Lines(nodemgr.Stderr));
        Assert.Contains("no-clouds.yaml", error, StringComparison.Ordinal);
        AssertNoStackTrace(nodemgr);
    }

    public void Dispose() => _files.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(NodemgrProcess nodemgr) =>
        Assert.False(
            nodemgr.Stdout.Split('\n').Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("--- End of", StringComparison.Ordinal)),
            $"a stack trace on stdout:\n{nodemgr.Output}");
}
