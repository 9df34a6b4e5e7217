using NodeManager.Core.Platform;

namespace NodeManager.Simulators.Paas;

/// <summary>
/// Counts the platform mutations (add-node, deactivate-node, move-gear, remove-node) each caller sent, whether the
/// simulator carried them out or refused them: a member that should have stopped acting shows up here by name.
/// Reads (node-ready, list-gears, the capacity document) are not counted.
/// </summary>
public sealed class PlatformMutationCounter
{
    /// <summary>The caller of requests whose URL names none.</summary>
    public const string Unnamed = "unnamed";

    private static readonly HashSet<string> Mutations = new(StringComparer.Ordinal)
    {
        PlatformSettings.AddNode, PlatformSettings.DeactivateNode, PlatformSettings.MoveGear, PlatformSettings.RemoveNode,
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, int>> _byCaller = new(StringComparer.Ordinal);

    public static bool IsMutation(string operation) => Mutations.Contains(operation);

    /// <summary>Counts <paramref name="operation"/> for <paramref name="caller"/> when it is a mutation.</summary>
    public void Record(string caller, string operation)
    {
        if (!IsMutation(operation)) return;
        lock (_lock)
        {
            if (!_byCaller.TryGetValue(caller, out var counts)) _byCaller[caller] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            counts[operation] = counts.GetValueOrDefault(operation) + 1;
        }
    }

    /// <summary>Mutations per caller, then per operation (a copy).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Snapshot()
    {
        lock (_lock)
        {
            return _byCaller.ToDictionary(
                c => c.Key,
                c => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>(c.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        }
    }

    /// <summary>Every mutation <paramref name="caller"/> sent since the last reset.</summary>
    public int Total(string caller)
    {
        lock (_lock) return _byCaller.TryGetValue(caller, out var counts) ? counts.Values.Sum() : 0;
    }

    public void Reset()
    {
        lock (_lock) _byCaller.Clear();
    }
}
