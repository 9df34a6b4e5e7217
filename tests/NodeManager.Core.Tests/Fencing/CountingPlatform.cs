using NodeManager.Core.Platform;

namespace NodeManager.Core.Tests.Fencing;

/// <summary>The platform under test, counting the calls that change something (add, deactivate, move, remove).</summary>
internal sealed class CountingPlatform(IPlatform inner) : IPlatform
{
    private int _mutations;

    public int Mutations => Volatile.Read(ref _mutations);

    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Count(inner.AddNodeAsync(node, cancellationToken));

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => inner.IsNodeReadyAsync(node, cancellationToken);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Count(inner.DeactivateNodeAsync(node, cancellationToken));

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) => inner.ListGearsAsync(node, cancellationToken);

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
        Count(inner.MoveGearAsync(node, gear, targetHost, cancellationToken));

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Count(inner.RemoveNodeAsync(node, cancellationToken));

    private Task Count(Task call)
    {
        Interlocked.Increment(ref _mutations);
        return call;
    }
}
