using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>
/// Stops a service in ordered phases (Akka's names). Tasks within a phase run concurrently; a
/// phase ends when all of its tasks have finished or <c>ShutdownPhaseTimeout</c> has passed, and
/// a failing task is logged without stopping the sequence. The last phase terminates the actor
/// system (top-down). The host runs it on SIGTERM / Ctrl-C.
/// </summary>
public sealed class CoordinatedShutdown
{
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    public const string PhaseServiceUnbind = "service-unbind";
    public const string PhaseServiceStop = "service-stop";
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    public static readonly IReadOnlyList<string> Phases =
    [
        PhaseBeforeServiceUnbind,
        PhaseServiceUnbind,
        PhaseServiceStop,
        PhaseBeforeActorSystemTerminate,
        PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(string Name, Func<Task> Run)>> _tasks = [];
    private Task? _run;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        _logger = system.LoggerFactory.CreateLogger<CoordinatedShutdown>();
        foreach (var phase in Phases)
        {
            _tasks[phase] = [];
        }

        _tasks[PhaseActorSystemTerminate].Add(("terminate-system", system.Terminate));
    }

    /// <summary>Why the shutdown was started, once it has been.</summary>
    public string? Reason { get; private set; }

    public void AddTask(string phase, string taskName, Func<Task> task)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            if (!_tasks.TryGetValue(phase, out var tasks))
            {
                throw new ArgumentException($"Unknown shutdown phase [{phase}]; phases are: {string.Join(", ", Phases)}", nameof(phase));
            }

            if (_run is not null)
            {
                throw new InvalidOperationException($"Coordinated shutdown has already started; task [{taskName}] was not added");
            }

            tasks.Add((taskName, task));
        }
    }

    /// <summary>Runs every phase once; later calls return the same task.</summary>
    public Task Run(string reason)
    {
        lock (_lock)
        {
            if (_run is null)
            {
                Reason = reason;
                _run = RunPhases(reason);
            }

            return _run;
        }
    }

    private async Task RunPhases(string reason)
    {
        await Task.Yield(); // never run shutdown tasks on the caller's stack (it may be a signal handler)
        _logger.ShutdownStarted(_system.Name, reason);
        var timeout = _system.Settings.ShutdownPhaseTimeout;
        foreach (var phase in Phases)
        {
            await Task.WhenAll(_tasks[phase].Select(task => RunTask(phase, task.Name, task.Run, timeout))).ConfigureAwait(false);
        }
    }

    private async Task RunTask(string phase, string name, Func<Task> run, TimeSpan timeout)
    {
        try
        {
            await run().WaitAsync(timeout, _system.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.ShutdownTaskFailed(exception, phase, name, timeout);
        }
    }
}
