using NodeManager.Core.Platform;

namespace NodeManager.Core.Fencing;

/// <summary>
/// The platform as one district may change it: add, deactivate, move a gear and remove first ask the district's fence
/// and, when it is lost, fail with <see cref="FenceLostException"/> without calling the platform. Reads pass through.
/// </summary>
public sealed class FencedPlatform(IPlatform inner, string district, IDistrictFence fence) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Fenced($"add-node {node.Host}") ?? inner.AddNodeAsync(node, cancellationToken);

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) =>
        inner.IsNodeReadyAsync(node, cancellationToken);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Fenced($"deactivate-node {node.Host}") ?? inner.DeactivateNodeAsync(node, cancellationToken);

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) =>
        inner.ListGearsAsync(node, cancellationToken);

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
        Fenced($"move-gear {gear} from {node.Host} to {targetHost}") ?? inner.MoveGearAsync(node, gear, targetHost, cancellationToken);

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Fenced($"remove-node {node.Host}") ?? inner.RemoveNodeAsync(node, cancellationToken);

    private Task? Fenced(string operation) =>
        fence.Check() is { Held: false } lost ? Task.FromException(new FenceLostException(district, operation, lost.Reason)) : null;
}
