using NodeManager.Core.Platform;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.Simulators;

/// <summary>
/// Counts the mutations each caller sent a simulator, whether it carried them out or refused them: a member that should
/// have stopped acting shows up here by name. Reads are not counted. The OpenStack simulator tells callers apart by
/// their User-Agent (the product sends its host and process id there), the PaaS simulator by the caller its URL names;
/// requests that name none count as <see cref="Unnamed"/>.
/// </summary>
public sealed class MutationCounter
{
    /// <summary>The caller of requests that name none.</summary>
    public const string Unnamed = "unnamed";

    private readonly HashSet<string> _mutations;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, int>> _byCaller = new(StringComparer.Ordinal);

    private MutationCounter(IEnumerable<string> mutations) => _mutations = new HashSet<string>(mutations, StringComparer.Ordinal);

    /// <summary>Creating or deleting a server, volume, attachment or DNS recordset, and updating a recordset.</summary>
    public static MutationCounter ForCloud() => new([
        SimulatorOps.ServerCreate, SimulatorOps.ServerDelete, SimulatorOps.AttachmentCreate, SimulatorOps.AttachmentDelete,
        SimulatorOps.VolumeCreate, SimulatorOps.VolumeDelete, SimulatorOps.RecordsetCreate, SimulatorOps.RecordsetUpdate,
        SimulatorOps.RecordsetDelete,
    ]);

    /// <summary>add-node, deactivate-node, move-gear and remove-node; not node-ready, list-gears or the capacity document.</summary>
    public static MutationCounter ForPlatform() => new([
        PlatformSettings.AddNode, PlatformSettings.DeactivateNode, PlatformSettings.MoveGear, PlatformSettings.RemoveNode,
    ]);

    public bool IsMutation(string operation) => _mutations.Contains(operation);

    /// <summary>Counts <paramref name="operation"/> for <paramref name="caller"/> (null or blank: <see cref="Unnamed"/>) when it is a mutation.</summary>
    public void Record(string? caller, string operation)
    {
        if (!IsMutation(operation)) return;
        var name = string.IsNullOrWhiteSpace(caller) ? Unnamed : caller;
        lock (_lock)
        {
            if (!_byCaller.TryGetValue(name, out var counts)) _byCaller[name] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
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
