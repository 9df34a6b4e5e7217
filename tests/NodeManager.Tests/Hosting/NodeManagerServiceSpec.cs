using NodeManager.Cli;
using NodeManager.Hosting;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Hosting;

public sealed class NodeManagerServiceSpec : IDisposable
{
    private readonly TempConfigFiles _files = new();
    private readonly StringWriter _err = new();

    [Fact]
    public async Task Run_must_exit_0_after_a_requested_stop_with_the_controller_stopped()
    {
        using var stop = new CancellationTokenSource();
        FakeControllerRuntime? runtime = null;
        var options = Options() with
        {
            Runtime = (context, _) => Task.FromResult<IControllerRuntime>(runtime = new FakeControllerRuntime(context, () => "not probed")),
            Started = _ => stop.Cancel(),
        };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", _err.ToString());
        Assert.Equal(
            ["controller stopping: management not probed, actor system running", "runtime disposed: actor system terminated"],
            runtime!.Events);
    }

    [Fact]
    public async Task A_stop_during_start_up_must_cancel_the_start_and_exit_0()
    {
        using var stop = new CancellationTokenSource();
        HostContext? seen = null;
        var options = Options() with
        {
            Runtime = async (context, cancellationToken) =>
            {
                seen = context;
                stop.Cancel();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("must not be reached");
            },
        };

        var code = await NodeManagerService.RunAsync(options, _err, stop.Token);

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(seen!.System.WhenTerminated.IsCompleted);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task Run_must_exit_1_when_the_actor_system_terminates_by_itself()
    {
        var options = Options() with
        {
            Runtime = (context, _) => Task.FromResult<IControllerRuntime>(new FakeControllerRuntime(context, () => "not probed")),
            Started = host => _ = host.System.Terminate(),
        };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
    }

    [Fact]
    public async Task Run_must_exit_1_naming_the_cause_without_secrets_when_start_fails()
    {
        var file = _files.Write("nm.conf", """
            node-manager.management.port = 0
            node-manager.logging.console.enabled = off
            x.os-password = "hunter2-secret"
            """);
        var options = new RunOptions([file])
        {
            HandleSignals = false,
            Runtime = (_, _) => throw new InvalidOperationException("auth failed with password hunter2-secret"),
        };

        var code = await NodeManagerService.RunAsync(options, _err, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("failed to start: auth failed with password ***", _err.ToString());
        Assert.DoesNotContain("hunter2-secret", _err.ToString());
    }

    [Fact]
    public async Task Run_must_exit_2_when_no_OpenStack_credentials_are_configured()
    {
        var file = _files.Write("nm.conf", $$"""
            node-manager {
              management.port = 0
              persistence.journal.plugin = inmem
              logging.console.enabled = off
              openstack.clouds-yaml = "{{_files.PathOf("no-clouds.yaml")}}"
            }
            """);

        var code = await NodeManagerService.RunAsync(new RunOptions([file]) { HandleSignals = false }, _err, CancellationToken.None);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains("OpenStack", _err.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _files.Dispose();

    private RunOptions Options() => new([_files.Write("nm.conf", """
        node-manager.management.port = 0
        node-manager.logging.console.enabled = off
        """)])
    {
        HandleSignals = false,
    };
}
