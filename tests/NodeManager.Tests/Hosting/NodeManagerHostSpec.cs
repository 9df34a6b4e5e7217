using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using NodeManager.Core.Configuration;
using NodeManager.Hosting;
using NodeManager.Management;
using NodeManager.Tests.Configuration;

namespace NodeManager.Tests.Hosting;

public sealed class NodeManagerHostSpec
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly int _port = FreePort();

    [Fact]
    public async Task Host_must_start_the_controller_once_management_listens_and_stop_it_between_unbind_and_termination()
    {
        var runtime = new FakeControllerRuntime(ProbeManagement);
        var host = await NodeManagerHost.StartAsync(Options(runtime), CancellationToken.None).WaitAsync(Limit);
        var listening = Assert.Single(host.ManagementAddresses);

        await host.ShutdownAsync("test").WaitAsync(Limit);

        Assert.Equal(_port, listening.Port);
        Assert.True(host.WhenTerminated.IsCompleted);
        Assert.Equal(
            [
                "controller starting: management answering",
                "controller stopping: management unbound, actor system running",
                "runtime disposed: actor system terminated",
            ],
            runtime.Events);
        Assert.Equal("test", Assert.IsType<ShutdownRequested>(CoordinatedShutdown.Get(host.System).ShutdownReason).Cause);
    }

    [Fact]
    public async Task The_actor_system_must_be_named_after_the_cluster_and_run_on_the_akka_section_with_a_journal()
    {
        var runtime = new FakeControllerRuntime(() => "not probed");
        var options = Options(runtime) with
        {
            Config = TestConfig.WithOwnJournal("akka.actor.ask-timeout = 7s"),
            Host = HostSettings.Default with { ClusterName = "broker-east" },
        };
        var host = await NodeManagerHost.StartAsync(options, CancellationToken.None).WaitAsync(Limit);
        await using var _ = host;

        var akka = host.System.Settings.Config;

        Assert.Equal("broker-east", host.System.Name);
        Assert.Same(host.System, await runtime.System.WaitAsync(Limit));
        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], akka.GetStringList("akka.loggers"));
        Assert.IsNotType<Nobody>(Akka.Persistence.Persistence.Instance.Apply(host.System).JournalFor(null));
    }

    [Fact]
    public async Task Shutdown_must_run_once_however_often_it_is_asked()
    {
        var runtime = new FakeControllerRuntime(() => "not probed");
        var host = await NodeManagerHost.StartAsync(Options(runtime), CancellationToken.None).WaitAsync(Limit);

        await Task.WhenAll(host.ShutdownAsync("SIGTERM"), host.ShutdownAsync("SIGINT"), host.DisposeAsync().AsTask()).WaitAsync(Limit);

        Assert.Equal(
            ["controller starting: management not probed", "controller stopping: management not probed, actor system running", "runtime disposed: actor system terminated"],
            runtime.Events);
        Assert.Equal("SIGTERM", Assert.IsType<ShutdownRequested>(CoordinatedShutdown.Get(host.System).ShutdownReason).Cause);
    }

    [Fact]
    public async Task A_controller_failing_to_start_must_release_the_port_terminate_the_actor_system_and_release_the_runtime()
    {
        var runtime = new FakeControllerRuntime(() => "not probed") { StartFailure = new InvalidOperationException("districts unreadable") };

        var failure = await Record.ExceptionAsync(() => NodeManagerHost.StartAsync(Options(runtime), CancellationToken.None).WaitAsync(Limit));

        Assert.Equal("districts unreadable", Assert.IsType<InvalidOperationException>(failure).Message);
        Assert.True((await runtime.System.WaitAsync(Limit)).WhenTerminated.IsCompleted);
        Assert.Equal("runtime disposed: actor system terminated", runtime.Events[^1]);
        AssertPortFree();
    }

    [Fact]
    public async Task A_runtime_failing_to_build_must_fail_the_start_before_anything_listens()
    {
        var options = Options(new FakeControllerRuntime(() => "not probed")) with
        {
            Runtime = (_, _, _) => throw new InvalidOperationException("simulator port in use"),
        };

        var failure = await Record.ExceptionAsync(() => NodeManagerHost.StartAsync(options, CancellationToken.None).WaitAsync(Limit));

        Assert.Equal("simulator port in use", Assert.IsType<InvalidOperationException>(failure).Message);
        AssertPortFree();
    }

    [Fact]
    public async Task A_management_port_in_use_must_fail_the_start_before_the_controller_starts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, _port);
        taken.Start();
        var runtime = new FakeControllerRuntime(() => "not probed");

        var failure = await Record.ExceptionAsync(() => NodeManagerHost.StartAsync(Options(runtime), CancellationToken.None).WaitAsync(Limit));

        Assert.IsType<IOException>(failure, exactMatch: false);
        Assert.Equal(["runtime disposed: actor system never started"], runtime.Events);
    }

    private NodeManagerHostOptions Options(FakeControllerRuntime runtime) => new(
        TestConfig.WithOwnJournal(),
        HostSettings.Default,
        ManagementSettings.Default with { Port = _port },
        (_, _, _) => Task.FromResult<IControllerRuntime>(runtime));

    // Called from inside the host's start and shutdown: a blocking probe keeps the order it observes.
    private string ProbeManagement()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = Limit };
        try
        {
            return client.GetAsync("/alive").GetAwaiter().GetResult().IsSuccessStatusCode ? "answering" : "not alive";
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException)
        {
            return "unbound";
        }
    }

    private void AssertPortFree()
    {
        using var rebind = new TcpListener(IPAddress.Loopback, _port);
        rebind.Start();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
