using Microsoft.Extensions.Logging;

namespace NodeManager.Core.Platform.Adapters;

/// <summary>
/// Dry run (the original node manager's default handler): logs what would be done and reports success. Nodes are ready
/// at once and hold no gears, so a drain completes immediately.
/// </summary>
public sealed partial class StdoutPlatform(ILogger<StdoutPlatform> log) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Would("add node to district", node);

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Would("deactivate node", node);

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) =>
        Would($"move gear {gear} to {targetHost}", node);

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Would("remove node from district", node);

    private Task Would(string what, PlatformNode node)
    {
        LogWould(what, node.Host, node.District, node.Profile);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dry run: would {What}: {Host} (district {District}, profile {Profile})")]
    private partial void LogWould(string what, string host, string district, string profile);
}
