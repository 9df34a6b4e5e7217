using System.Collections.Concurrent;
using NodeManager.Core.Platform;

namespace NodeManager.Core.Tests.Support;

/// <summary>A platform that holds gears per host, records every call, and refuses to move the gears it is told to.</summary>
internal sealed class RecordingPlatform : IPlatform
{
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>Gears by host.</summary>
    public ConcurrentDictionary<string, List<string>> Gears { get; } = new(StringComparer.Ordinal);

    /// <summary>Gears whose move fails.</summary>
    public HashSet<string> Unmovable { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call, as "verb host[ gear target]", in order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Record($"add {node.Host}");

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Record($"deactivate {node.Host}");

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (Gears) return Task.FromResult<IReadOnlyList<string>>([.. Gears.GetValueOrDefault(node.Host) ?? []]);
    }

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"move {node.Host} {gear} {targetHost}");
        if (Unmovable.Contains(gear)) throw new PlatformException($"move-gear {gear}", "the target refused it");
        lock (Gears)
        {
            Gears[node.Host].Remove(gear);
            Gears.GetOrAdd(targetHost, _ => []).Add(gear);
        }

        return Task.CompletedTask;
    }

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Record($"remove {node.Host}");

    private Task Record(string call)
    {
        _calls.Enqueue(call);
        return Task.CompletedTask;
    }
}
