namespace NodeManager.Simulators.OpenStack;

/// <summary>
/// Counts the cloud mutations (create or delete a server, volume, attachment or DNS recordset; update a recordset)
/// each caller sent, whether the simulator carried them out or refused them: a member that should have stopped acting
/// shows up here by name. A caller is told apart by its User-Agent (the product sends its host and process id there);
/// requests without one count as <see cref="Unnamed"/>. Reads are not counted.
/// </summary>
public sealed class CloudMutationCounter
{
    /// <summary>The caller of requests that carry no User-Agent.</summary>
    public const string Unnamed = "unnamed";

    private static readonly HashSet<string> Mutations = new(StringComparer.Ordinal)
    {
        SimulatorOps.ServerCreate, SimulatorOps.ServerDelete, SimulatorOps.AttachmentCreate, SimulatorOps.AttachmentDelete,
        SimulatorOps.VolumeCreate, SimulatorOps.VolumeDelete, SimulatorOps.RecordsetCreate, SimulatorOps.RecordsetUpdate,
        SimulatorOps.RecordsetDelete,
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, int>> _byCaller = new(StringComparer.Ordinal);

    public static bool IsMutation(string operation) => Mutations.Contains(operation);

    /// <summary>Counts <paramref name="operation"/> for <paramref name="caller"/> (null or empty: <see cref="Unnamed"/>) when it is a mutation.</summary>
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
