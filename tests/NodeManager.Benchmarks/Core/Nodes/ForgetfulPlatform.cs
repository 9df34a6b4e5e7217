using NodeManager.Core.Platform;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>A platform that accepts every operation at once and holds no gears; nodes are ready when <c>ready</c>.</summary>
internal sealed class ForgetfulPlatform(bool ready) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult(ready);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;
}
