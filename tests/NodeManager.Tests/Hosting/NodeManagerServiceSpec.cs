using NodeManager.Cli;
using NodeManager.Hosting;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Logging;
using Serilog.Events;

namespace NodeManager.Tests.Hosting;

[Collection(ProcessLogCollection.Name)]
public sealed class NodeManagerServiceSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _err = new();

    [Fact]
    public async Task Run_must_exit_0_after_a_requested_stop_with_the_controller_stopped()
    {
        using var stop = new CancellationTokenSource();
        var runtime = new FakeControllerRuntime(() => "not probed");
        var options = Options() with
        {
            Runtime = (_, _, _) => Task.FromResult<IControllerRuntime>(runtime),
            Started = _ => stop.Cancel(),
        };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", _err.ToString());
        Assert.Equal(
            [
                "controller starting: management not probed",
                "controller stopping: management not probed, actor system running",
                "runtime disposed: actor system terminated",
            ],
            runtime.Events);
    }

    [Fact]
    public async Task A_stop_during_start_up_must_cancel_the_start_and_exit_0()
    {
        using var stop = new CancellationTokenSource();
        var cancelled = false;
        var options = Options() with
        {
            Runtime = async (_, _, cancellationToken) =>
            {
                stop.Cancel();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled = true;
                    throw;
                }

                throw new InvalidOperationException("must not be reached");
            },
        };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(cancelled);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task Run_must_exit_1_when_the_actor_system_terminates_by_itself()
    {
        var runtime = new FakeControllerRuntime(() => "not probed");
        var options = Options() with
        {
            Runtime = (_, _, _) => Task.FromResult<IControllerRuntime>(runtime),
            Started = host => _ = host.System.Terminate(),
        };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("runtime disposed: actor system terminated", runtime.Events[^1]);
    }

    [Fact]
    public async Task Run_must_exit_1_naming_the_cause_without_secrets_when_start_fails()
    {
        var file = _files.Write("nm.conf", $$"""
            node-manager.management.port = 0
            node-manager.cloud = simulated
            node-manager.logging.console.enabled = off
            node-manager.persistence.journal.connection-string = "Data Source={{_files.PathOf("nm.db")}}"
            x.os-password = "hunter2-secret"
            """);
        var options = new RunOptions([file])
        {
            HandleSignals = false,
            Runtime = (_, _, _) => throw new InvalidOperationException("auth failed with password hunter2-secret"),
        };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("failed to start: auth failed with password ***", _err.ToString());
        Assert.DoesNotContain("hunter2-secret", _err.ToString());
    }

    [Fact]
    public async Task Run_must_exit_1_with_one_line_naming_the_store_when_the_journal_cannot_be_reached()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        var runtime = new FakeControllerRuntime(() => "not probed");
        var file = _files.Write("nm.conf", $$"""
            node-manager.management.port = 0
            node-manager.cloud = simulated
            node-manager.logging.console.enabled = off
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "Host=127.0.0.1;Port={{port}};Database=nm;Username=nm;Password=pg-secret-77;Timeout=3"
            }
            """);
        var options = new RunOptions([file]) { HandleSignals = false, Runtime = (_, _, _) => Task.FromResult<IControllerRuntime>(runtime) };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(ExitCodes.Failure, code);
        var line = Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("PostgreSQL", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-secret-77", line, StringComparison.Ordinal);
        Assert.Empty(runtime.Events);
    }

    [Fact]
    public async Task A_second_run_on_the_same_SQLite_journal_must_refuse_to_start_naming_the_file()
    {
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Options() with
        {
            Runtime = (_, _, _) => Task.FromResult<IControllerRuntime>(new FakeControllerRuntime(() => "not probed")),
            Started = _ => started.SetResult(),
        };
        var running = NodeManagerService.RunAsync(first, new StringWriter(), stop.Token);
        await started.Task.WaitAsync(Limit);

        var second = first with { Started = null };
        var code = await NodeManagerService.RunAsync(second, _err, CancellationToken.None).WaitAsync(Limit);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains(_files.PathOf("nm.db"), _err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, await running.WaitAsync(Limit));
    }

    [Fact]
    public async Task Run_must_exit_2_when_the_configured_OpenStack_credentials_cannot_be_found()
    {
        // A cloud named in HOCON takes precedence over every OS_* variable, so the developer's environment plays no part.
        var file = _files.Write("nm.conf", $$"""
            node-manager {
              management.port = 0
              logging.console.enabled = off
              persistence.journal.connection-string = "Data Source={{_files.PathOf("nm.db")}}"
              # A real cloud with the simulators chosen on purpose: only the credentials are missing.
              capacity.source = simulated
              platform.adapter = simulated
              openstack {
                cloud = "production"
                clouds-yaml = "{{_files.PathOf("no-clouds.yaml")}}"
              }
            }
            """);

        var code = await NodeManagerService.RunAsync(new RunOptions([file]) { HandleSignals = false }, _err, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains("cloud 'production' (from node-manager.openstack.cloud) needs a clouds.yaml", _err.ToString());
        Assert.Contains("no-clouds.yaml", _err.ToString());
    }

    [Theory]
    [InlineData("node-manager.cloud = simulated", LogEventLevel.Information, "Simulated: cloud, capacity source, platform; real: none")]
    [InlineData(
        "node-manager { capacity.source = simulated, platform.adapter = simulated }",
        LogEventLevel.Warning,
        "Simulated: capacity source, platform; real: cloud: the real cloud is sized by what the simulator says")]
    public async Task The_first_log_lines_must_say_which_parts_are_simulated(string keys, LogEventLevel level, string line)
    {
        using var stop = new CancellationTokenSource();
        var log = new CollectingSink();
        var file = _files.Write("parts.conf", $$"""
            node-manager.management.port = 0
            node-manager.logging.console.enabled = off
            node-manager.persistence.journal.connection-string = "Data Source={{_files.PathOf("parts.db")}}"
            {{keys}}
            """);
        var options = new RunOptions([file])
        {
            HandleSignals = false,
            LogSink = log,
            Runtime = (_, _, _) => Task.FromResult<IControllerRuntime>(new FakeControllerRuntime(() => "not probed")),
            Started = _ => stop.Cancel(),
        };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token).WaitAsync(Limit);

        Assert.True(code == ExitCodes.Success, _err.ToString());
        var at = log.Lines.ToList().FindIndex(l => l.EndsWith(" " + line, StringComparison.Ordinal));
        Assert.True(at is 0 or 1, string.Join("\n", log.Lines));
        Assert.Equal(level, log.Events[at].Level);
    }

    public void Dispose() => _files.Dispose();

    private RunOptions Options() => new([_files.Write("nm.conf", $$"""
        node-manager.management.port = 0
        node-manager.cloud = simulated
        node-manager.logging.console.enabled = off
        node-manager.persistence.journal.connection-string = "Data Source={{_files.PathOf("nm.db")}}"
        """)])
    {
        HandleSignals = false,
    };
}
