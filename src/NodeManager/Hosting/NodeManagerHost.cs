using NodeManager.Actors;
using NodeManager.Management;

namespace NodeManager.Hosting;

/// <summary>
/// The composition root of <c>nodemgr run</c>: starts the management endpoint, the actor system and the controller
/// runtime in that order, and stops them through the actor system's coordinated shutdown — management unbinds
/// (<c>service-unbind</c>), the controller stops (<c>service-stop</c>), the actor system terminates — before the
/// runtime's remaining resources (simulators) are released. Owns everything it starts; holds no static state.
/// </summary>
public sealed partial class NodeManagerHost : IAsyncDisposable
{
    private readonly ILogger _log;
    private readonly ManagementServer? _management;
    private readonly ActorSystem _system;
    private readonly IControllerRuntime _runtime;
    private readonly Lazy<Task> _stopManagement;
    private readonly Lazy<Task> _stopController;
    private readonly Lock _gate = new();
    private Task? _shutdown;

    private NodeManagerHost(ILogger log, ManagementServer? management, ActorSystem system, IControllerRuntime runtime)
    {
        _log = log;
        _management = management;
        _system = system;
        _runtime = runtime;
        _stopManagement = new Lazy<Task>(() => management?.StopAsync(CancellationToken.None) ?? Task.CompletedTask);
        _stopController = new Lazy<Task>(() => runtime.StopAsync(CancellationToken.None));
    }

    /// <summary>The running actor system (for tests and in-process tools).</summary>
    public ActorSystem System => _system;

    /// <summary>The controller runtime (tests reach the in-process simulators through it).</summary>
    public IControllerRuntime Runtime => _runtime;

    /// <summary>Where the management endpoint listens; empty when it is disabled.</summary>
    public IReadOnlyList<Uri> ManagementAddresses => _management?.Addresses ?? [];

    /// <summary>Completes when the actor system has terminated, whether by <see cref="ShutdownAsync"/> or by itself.</summary>
    public Task WhenTerminated => _system.WhenTerminated;

    /// <summary>
    /// Starts everything. A failure part-way (port in use, journal unreachable, simulator start) stops what had
    /// started, in reverse, and rethrows.
    /// </summary>
    public static async Task<NodeManagerHost> StartAsync(NodeManagerHostOptions options, CancellationToken cancellationToken)
    {
        var log = options.LoggerFactory.CreateLogger<NodeManagerHost>();
        var status = new ControllerStatusSlot();
        ManagementServer? management = null;
        ActorSystem? system = null;
        IControllerRuntime? runtime = null;
        try
        {
            if (options.Management.Enabled)
            {
                management = ManagementServer.Create(
                    options.Management, status, options.Redactor, options.LoggerFactory, options.ConfigureManagement);
                await management.StartAsync(cancellationToken);
                LogManagementListening(log, string.Join(", ", management.Addresses));
            }

            system = ActorSystem.Create(
                options.Host.ClusterName, ActorSystemSettings.Create(options.Config, options.LoggerFactory, options.TimeProvider));
            runtime = await options.Runtime(
                new HostContext(options.Config, system, options.LoggerFactory, options.TimeProvider), cancellationToken);
            status.Attach(runtime.Status);

            var host = new NodeManagerHost(log, management, system, runtime);
            host.RegisterShutdownTasks();
            LogStarted(log, options.Host.ClusterName);
            return host;
        }
        catch (Exception e)
        {
            LogStartFailed(log, e);
            await UnwindAsync(management, system, runtime);
            throw;
        }
    }

    /// <summary>
    /// Runs coordinated shutdown once; later calls return the same task. Completes when the actor system has
    /// terminated and the runtime and the endpoint are released.
    /// </summary>
    public Task ShutdownAsync(string reason)
    {
        lock (_gate)
        {
            return _shutdown ??= RunShutdownAsync(reason);
        }
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync("host disposed");

    private void RegisterShutdownTasks()
    {
        var shutdown = _system.CoordinatedShutdown;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "management-unbind", () => _stopManagement.Value);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "controller-stop", () => _stopController.Value);
    }

    private async Task RunShutdownAsync(string reason)
    {
        LogStopping(_log, reason);
        await _system.CoordinatedShutdown.Run(reason);

        // When the system stopped by itself its phases may not have run: the lazies make each stop happen once.
        await _stopManagement.Value;
        await _stopController.Value;
        await _system.Terminate();
        await _runtime.DisposeAsync();
        if (_management is not null)
        {
            await _management.DisposeAsync();
        }

        LogStopped(_log);
    }

    private static async Task UnwindAsync(ManagementServer? management, ActorSystem? system, IControllerRuntime? runtime)
    {
        if (runtime is not null)
        {
            await runtime.StopAsync(CancellationToken.None);
        }

        if (system is not null)
        {
            await system.Terminate();
        }

        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }

        if (management is not null)
        {
            await management.StopAsync(CancellationToken.None);
            await management.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management endpoint listening on {Addresses}")]
    private static partial void LogManagementListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "NodeManager {ClusterName} started")]
    private static partial void LogStarted(ILogger logger, string clusterName);

    [LoggerMessage(Level = LogLevel.Error, Message = "NodeManager failed to start; stopping what had started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down ({Reason}): management unbinds, then the controller, then the actor system")]
    private static partial void LogStopping(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "NodeManager stopped")]
    private static partial void LogStopped(ILogger logger);
}
