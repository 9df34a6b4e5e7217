using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack;

/// <summary>
/// In-process handle on the simulator's state: list every server, volume and recordset (to prove nothing
/// leaked), change quotas, modes and per-operation faults at runtime, and observe request counts.
/// The admin HTTP API (<c>/_admin/…</c>) exposes the same operations.
/// </summary>
public sealed class SimulatorAdmin
{
    private readonly SimulatorState _state;
    private readonly FaultInjector _faults;

    internal SimulatorAdmin(SimulatorState state, FaultInjector faults, MutationCounter mutations)
    {
        _state = state;
        _faults = faults;
        Mutations = mutations;
    }

    /// <summary>The cloud mutations received per caller (User-Agent) and operation.</summary>
    public MutationCounter Mutations { get; }

    public IReadOnlyList<SimulatedServer> Servers() => _state.SnapshotServers();
    public IReadOnlyList<SimulatedVolume> Volumes() => _state.SnapshotVolumes();
    public IReadOnlyList<SimulatedRecordset> Recordsets() => _state.SnapshotRecordsets();

    public SimulatorQuotas Quotas
    {
        get => _state.Quotas;
        set => _state.Quotas = value;
    }

    /// <summary>No-valid-host, never-boots and volume-error switches; they apply to resources created afterwards.</summary>
    public SimulatorModes Modes
    {
        get => _state.Modes;
        set => _state.Modes = value;
    }

    /// <summary>Sets (or with null clears) the faults of one operation named in <see cref="SimulatorOps"/>.</summary>
    public void SetFault(string operation, FaultSpec? spec) => _faults.Set(operation, spec);
    public void ClearFaults() => _faults.Clear();
    public IReadOnlyDictionary<string, FaultSpec> Faults => _faults.Faults;

    /// <summary>Every issued token stops working at once (the client must re-authenticate).</summary>
    public void RevokeTokens() => _state.RevokeTokens();

    /// <summary>How many requests of <paramref name="operation"/> arrived (including failed ones).</summary>
    public int Calls(string operation) => _faults.Calls.TryGetValue(operation, out var n) ? n : 0;
    public IReadOnlyDictionary<string, int> AllCalls => _faults.Calls;
    public int InFlight => _faults.InFlight;
    public int MaxInFlight => _faults.MaxInFlight;
    /// <summary>Completes once <paramref name="count"/> API requests are being served at the same time.</summary>
    public Task WhenInFlight(int count) => _faults.WhenInFlight(count);
    /// <summary>Completes once <paramref name="count"/> requests of <paramref name="operation"/> have arrived since the last reset.</summary>
    public Task WhenCalls(string operation, int count) => _faults.WhenCalls(operation, count);
    public void ResetCounters() => _faults.ResetCounters();
}
