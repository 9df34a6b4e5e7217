using Akka.Actor;
using NodeManager.Management;
using NodeManager.Persistence;

namespace NodeManager.Hosting;

/// <summary>
/// <c>nodemgr run</c>'s running service: one web application (the Generic Host) holding the management endpoint and,
/// through Akka.Hosting, the actor system with the controller (see <see cref="Compose"/>). It starts the controller
/// runtime, the endpoint and the actor system in that order, and stops them through Akka's coordinated shutdown —
/// management unbinds (<c>service-unbind</c>), the controller stops (<c>service-stop</c>), the actor system
/// terminates — before the runtime's remaining resources (simulators) are released. Owns everything it starts.
/// </summary>
/// <remarks>
/// Every log line goes to Serilog's <see cref="Serilog.Log.Logger"/>: the host's <see cref="ILoggerFactory"/>
/// (Serilog.Extensions.Hosting) and Akka's <c>SerilogLogger</c> both write there, so the process sets it first.
/// </remarks>
public sealed partial class NodeManagerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IControllerRuntime _runtime;
    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private readonly IDisposable? _journalLock;
    private readonly Lock _gate = new();
    private Task? _shutdown;

    private NodeManagerHost(WebApplication app, IControllerRuntime runtime, ILogger log, IDisposable? journalLock)
    {
        _app = app;
        _journalLock = journalLock;
        _runtime = runtime;
        _system = app.Services.GetRequiredService<ActorSystem>();
        _log = log;
    }

    /// <summary>The running actor system (for tests and in-process tools).</summary>
    public ActorSystem System => _system;

    /// <summary>The controller runtime (tests reach the in-process simulators through it).</summary>
    public IControllerRuntime Runtime => _runtime;

    /// <summary>Where the management endpoint listens; empty when it is disabled.</summary>
    public IReadOnlyList<Uri> ManagementAddresses => ManagementEndpoint.Addresses(_app.Services);

    /// <summary>Completes when the actor system has terminated, whether by <see cref="ShutdownAsync"/> or by itself.</summary>
    public Task WhenTerminated => _system.WhenTerminated;

    /// <summary>
    /// Starts everything. A failure part-way (the runtime's set-up, port in use, the actor system or the controller
    /// failing to start) stops what had started, in reverse, and rethrows.
    /// </summary>
    public static async Task<NodeManagerHost> StartAsync(NodeManagerHostOptions options, CancellationToken cancellationToken)
    {
        IControllerRuntime? runtime = null;
        IDisposable? journalLock = null;

        // Akka.Hosting starts the controller after the endpoint listens, by which time the runtime has been built.
        var app = Compose(options, () => runtime ?? throw new InvalidOperationException("The controller runtime was not built."));
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var log = loggers.CreateLogger<NodeManagerHost>();
        try
        {
            // One process per SQLite journal, and a journal that answers, before anything acts: otherwise exit 1 naming
            // the store and the reason, not a controller that looks ready and cannot write.
            var journal = JournalSettings.Create(options.Config);
            journalLock = SqliteJournalLock.AcquireFor(journal);
            await JournalProbe.CheckAsync(journal, cancellationToken);

            runtime = await options.Runtime(options.Config, loggers, cancellationToken);
            await app.StartAsync(cancellationToken);
            var host = new NodeManagerHost(app, runtime, log, journalLock);
            if (options.Management.Enabled)
            {
                LogManagementListening(log, string.Join(", ", host.ManagementAddresses));
            }

            LogStarted(log, options.Host.ClusterName);
            return host;
        }
        catch (Exception e)
        {
            LogStartFailed(log, e);
            await UnwindAsync(app, runtime);
            journalLock?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs coordinated shutdown once; later calls return the same task. Completes when the actor system has
    /// terminated and the web application and the runtime are released.
    /// </summary>
    public Task ShutdownAsync(string reason)
    {
        lock (_gate)
        {
            return _shutdown ??= RunShutdownAsync(reason);
        }
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync("host disposed");

    private async Task RunShutdownAsync(string reason)
    {
        LogStopping(_log, reason);

        // When the system stopped by itself its shutdown has run already, and this returns that run.
        await CoordinatedShutdown.Get(_system).Run(new ShutdownRequested(reason));
        await UnwindAsync(_app, _runtime);
        _journalLock?.Dispose();
        LogStopped(_log);
    }

    // The web application's stop is the endpoint's (idempotent after service-unbind) and Akka.Hosting's (the coordinated
    // shutdown, which runs once); the runtime goes last, when no actor uses its simulators or clients any more.
    private static async Task UnwindAsync(WebApplication app, IControllerRuntime? runtime)
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
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
