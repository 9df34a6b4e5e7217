using NodeManager.Core.Status;
using NodeManager.Hosting;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.Hosting;

/// <summary>
/// A controller runtime that records, when it is stopped and released, what the rest of the host looked like at
/// that moment — the observable proof of the shutdown order.
/// </summary>
internal sealed class FakeControllerRuntime(HostContext context, Func<string> probeManagement) : IControllerRuntime
{
    private readonly List<string> _events = [];

    public FakeControllerStatus FakeStatus { get; } = new() { IsReady = true };

    public IControllerStatus Status => FakeStatus;

    public HostContext Context => context;

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

    private string SystemState() => context.System.WhenTerminated.IsCompleted ? "terminated" : "running";

    private void Record(string e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }
}
