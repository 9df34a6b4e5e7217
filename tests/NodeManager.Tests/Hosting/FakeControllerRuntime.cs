using Akka.Actor;
using NodeManager.Core.Status;
using NodeManager.Hosting;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.Hosting;

/// <summary>
/// A controller runtime that records, when it is started, stopped and released, what the rest of the host looked like
/// at that moment — the observable proof of the start and shutdown order.
/// </summary>
internal sealed class FakeControllerRuntime(Func<string> probeManagement) : IControllerRuntime
{
    private readonly List<string> _events = [];
    private readonly TaskCompletionSource<ActorSystem> _system = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeControllerStatus FakeStatus { get; } = new() { IsReady = true };

    /// <summary>When set, <see cref="Start"/> throws it after recording the system (a controller failing to start).</summary>
    public Exception? StartFailure { get; init; }

    /// <summary>The actor system the controller was started in.</summary>
    public Task<ActorSystem> System => _system.Task;

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IControllerStatus Start(ActorSystem system)
    {
        _system.SetResult(system);
        Record($"controller starting: management {probeManagement()}");
        if (StartFailure is not null)
        {
            throw StartFailure;
        }

        return FakeStatus;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Record($"controller stopping: management {probeManagement()}, actor system {SystemState()}");
        await Task.Yield();
    }

    public ValueTask DisposeAsync()
    {
        Record($"runtime disposed: actor system {SystemState()}");
        return ValueTask.CompletedTask;
    }

    private string SystemState() =>
        !_system.Task.IsCompleted ? "never started" : _system.Task.Result.WhenTerminated.IsCompleted ? "terminated" : "running";

    private void Record(string e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }
}
