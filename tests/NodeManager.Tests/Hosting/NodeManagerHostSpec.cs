using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Core.Configuration;
using NodeManager.Hosting;
using NodeManager.Management;

namespace NodeManager.Tests.Hosting;

public sealed class NodeManagerHostSpec
{
    private FakeControllerRuntime? _runtime;
    private Uri? _management;

    [Fact]
    public async Task Shutdown_must_unbind_management_then_stop_the_controller_then_terminate_the_actor_system()
    {
        var host = await NodeManagerHost.StartAsync(Options(), CancellationToken.None);
        _management = Assert.Single(host.ManagementAddresses);
        Assert.Equal("answering", ProbeManagement());

        await host.ShutdownAsync("test");

        Assert.True(host.WhenTerminated.IsCompleted);
        Assert.Equal(
            [
                "controller stopping: management unbound, actor system running",
                "runtime disposed: actor system terminated",
            ],
            _runtime!.Events);
    }

    [Fact]
    public async Task Shutdown_must_run_once_however_often_it_is_asked()
    {
        var host = await NodeManagerHost.StartAsync(Options(), CancellationToken.None);
        _management = Assert.Single(host.ManagementAddresses);

        await Task.WhenAll(host.ShutdownAsync("SIGTERM"), host.ShutdownAsync("SIGINT"), host.DisposeAsync().AsTask());

        Assert.Equal(2, _runtime!.Events.Count);
    }

    [Fact]
    public async Task A_failed_start_must_release_the_port_and_terminate_the_actor_system()
    {
        var port = FreePort();
        HostContext? seen = null;
        var options = Options(port) with
        {
            Runtime = (context, _) =>
            {
                seen = context;
                throw new InvalidOperationException("journal unreachable");
            },
        };

        var failure = await Record.ExceptionAsync(() => NodeManagerHost.StartAsync(options, CancellationToken.None));

        Assert.Equal("journal unreachable", Assert.IsType<InvalidOperationException>(failure).Message);
        Assert.True(seen!.System.WhenTerminated.IsCompleted);
        using var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start();
    }

    [Fact]
    public async Task A_management_port_in_use_must_fail_the_start_before_the_controller_is_built()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var built = false;
        var options = Options(((IPEndPoint)taken.LocalEndpoint).Port) with
        {
            Runtime = (_, _) =>
            {
                built = true;
                throw new InvalidOperationException("must not be reached");
            },
        };

        var failure = await Record.ExceptionAsync(() => NodeManagerHost.StartAsync(options, CancellationToken.None));

        Assert.IsType<IOException>(failure, exactMatch: false);
        Assert.False(built);
    }

    private NodeManagerHostOptions Options(int port = 0) => new(
        NodeManagerConfig.Reference,
        HostSettings.Default,
        ManagementSettings.Default with { Port = port },
        NullLoggerFactory.Instance,
        TimeProvider.System,
        (context, _) => Task.FromResult<IControllerRuntime>(_runtime = new FakeControllerRuntime(context, ProbeManagement)));

    private string ProbeManagement()
    {
        using var client = new HttpClient { BaseAddress = _management };
        try
        {
            client.GetAsync("/alive").GetAwaiter().GetResult();
            return "answering";
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException)
        {
            return "unbound";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
