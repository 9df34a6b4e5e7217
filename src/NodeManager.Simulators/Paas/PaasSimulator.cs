using NodeManager.Core.Platform;

namespace NodeManager.Simulators.Paas;

/// <summary>
/// A PaaS in memory: districts, nodes and gears whose demand follows a scripted curve. It is both the capacity source
/// and the platform the controller acts on. Nodes become ready <see cref="PaasSimulatorOptions.ReadyDelay"/> after they
/// are added; gear moves take <see cref="PaasSimulatorOptions.MoveTime"/> and sometimes fail. Everything runs on the
/// given <see cref="TimeProvider"/>: demand is brought up to date on every call, so it needs no timer of its own.
/// With <see cref="PaasSimulatorOptions.StateFile"/> set, the nodes are loaded from it at construction and written back
/// after every change, so a restarted simulator still reports the nodes it had (the demand curve starts again).
/// </summary>
public sealed class PaasSimulator : ICapacitySource, IPlatform
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _start;
    private readonly Random _random;
    private readonly Dictionary<string, SimulatedDistrict> _districts;
    private readonly Dictionary<string, SimNode> _nodes = new(StringComparer.Ordinal);
    private long _nextGear;
    private bool _changed;

    public PaasSimulator(PaasSimulatorOptions options, TimeProvider time)
    {
        Options = options;
        _time = time;
        _start = time.GetUtcNow();
        _random = new Random(options.Seed);
        _districts = options.Districts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        if (options.StateFile.Length > 0 && PaasStateFile.Load(options.StateFile) is { } saved)
        {
            _nextGear = saved.NextGear;
            foreach (var n in saved.Nodes)
            {
                var node = new SimNode(n.Host, n.District, n.Profile, n.ReadyAt) { Active = n.Active };
                node.Gears.AddRange(n.Gears);
                _nodes[n.Host] = node;
            }
        }
    }

    public PaasSimulatorOptions Options { get; }

    /// <summary>Gears wanted but not placed because no active node had room (demand beyond capacity).</summary>
    public int PendingGears
    {
        get
        {
            lock (_lock)
            {
                var pending = Reconcile().Values.Sum();
                SaveIfChanged();
                return pending;
            }
        }
    }

    /// <summary>Scale a district's whole demand curve (e.g. 2.0 doubles it) from now on; for tests and the demo.</summary>
    public void ScaleDemand(string district, double factor)
    {
        lock (_lock)
        {
            var d = _districts[district];
            _districts[district] = d with { Demand = d.Demand.Select(p => p with { Gears = (int)Math.Round(p.Gears * factor) }).ToList() };
        }
    }

    public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Reconcile();
            var now = _time.GetUtcNow();
            var districts = _districts.Values.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d =>
                new DistrictCapacity(d.Name, d.Profile, d.UidCapacity, Math.Min(d.UidCapacity, GearsIn(d.Name)))).ToList();
            var nodes = _nodes.Values.OrderBy(n => n.Host, StringComparer.Ordinal).Select(n =>
                new NodeCapacity(n.Host, n.District, n.Profile, n.Gears.Count, Options.MaxActiveGears, now >= n.ReadyAt)).ToList();
            SaveIfChanged();
            return Task.FromResult(new CapacityDocument(districts, nodes));
        }
    }

    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_districts.ContainsKey(node.District))
                throw new PlatformException($"add-node {node.Host}", $"district {node.District} does not exist", 1);
            if (!_nodes.ContainsKey(node.Host))
            {
                _nodes[node.Host] = new SimNode(node.Host, node.District, node.Profile, _time.GetUtcNow() + Options.ReadyDelay);
                _changed = true;
            }

            SaveIfChanged();
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_nodes.TryGetValue(node.Host, out var n) && _time.GetUtcNow() >= n.ReadyAt);
    }

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Require(node, "deactivate-node").Active = false;
            _changed = true;
            SaveIfChanged();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Reconcile();
            SaveIfChanged();
            return Task.FromResult<IReadOnlyList<string>>(_nodes.TryGetValue(node.Host, out var n) ? [.. n.Gears] : []);
        }
    }

    public async Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken)
    {
        if (Options.MoveTime > TimeSpan.Zero)
            await Task.Delay(Options.MoveTime, _time, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var operation = $"move-gear {gear} {node.Host} → {targetHost}";
            var source = Require(node, "move-gear");
            if (!_nodes.TryGetValue(targetHost, out var target) || target.District != node.District)
                throw new PlatformException(operation, $"target {targetHost} is not a node of district {node.District}", 1);
            if (!source.Gears.Contains(gear)) return; // demand fell and the gear went away meanwhile: nothing to move
            if (_random.NextDouble() < Options.MoveFailureRate)
                throw new PlatformException(operation, "oo-admin-move: gear move failed (simulated), rolled back", 1);
            source.Gears.Remove(gear);
            target.Gears.Add(gear);
            _changed = true;
            SaveIfChanged();
        }
    }

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Reconcile();
            if (_nodes.TryGetValue(node.Host, out var n))
            {
                if (n.Gears.Count > 0)
                    throw new PlatformException($"remove-node {node.Host}", $"node still holds {n.Gears.Count} gear(s)", 1);
                _nodes.Remove(node.Host);
                _changed = true;
            }

            SaveIfChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>Brings every district's gear count toward its demand; returns the gears that found no room, per district.</summary>
    private Dictionary<string, int> Reconcile()
    {
        var elapsed = _time.GetUtcNow() - _start;
        var now = _time.GetUtcNow();
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var district in _districts.Values)
        {
            var nodes = _nodes.Values.Where(n => n.District == district.Name).OrderBy(n => n.Host, StringComparer.Ordinal).ToList();
            var want = district.DemandAt(elapsed);
            var have = nodes.Sum(n => n.Gears.Count);
            // Gears leave from the fullest nodes first (users delete apps anywhere; this keeps it deterministic).
            for (; have > want; have--)
            {
                var fullest = nodes.Where(n => n.Gears.Count > 0).MaxBy(n => n.Gears.Count)!;
                fullest.Gears.RemoveAt(fullest.Gears.Count - 1);
                _changed = true;
            }

            // New gears land on the emptiest active, ready node with room.
            for (; have < want; have++)
            {
                var target = nodes.Where(n => n.Active && now >= n.ReadyAt && n.Gears.Count < Options.MaxActiveGears).MinBy(n => n.Gears.Count);
                if (target is null) break;
                target.Gears.Add($"gear-{++_nextGear:D6}");
                _changed = true;
            }

            pending[district.Name] = want - have;
        }

        return pending;
    }

    /// <summary>Under the lock: writes the state file after a change (demo scale: the whole file each time is cheap).</summary>
    private void SaveIfChanged()
    {
        if (!_changed || Options.StateFile.Length == 0) return;
        PaasStateFile.Save(Options.StateFile, new PaasStateFile.Document(_nextGear,
            _nodes.Values.OrderBy(n => n.Host, StringComparer.Ordinal)
                .Select(n => new PaasStateFile.NodeEntry(n.Host, n.District, n.Profile, n.ReadyAt, n.Active, [.. n.Gears])).ToList()));
        _changed = false;
    }

    private int GearsIn(string district) => _nodes.Values.Where(n => n.District == district).Sum(n => n.Gears.Count);

    private SimNode Require(PlatformNode node, string operation) => _nodes.TryGetValue(node.Host, out var n)
        ? n
        : throw new PlatformException($"{operation} {node.Host}", $"node {node.Host} is not in district {node.District}", 1);

    private sealed class SimNode(string host, string district, string profile, DateTimeOffset readyAt)
    {
        public string Host { get; } = host;

        public string District { get; } = district;

        public string Profile { get; } = profile;

        public DateTimeOffset ReadyAt { get; } = readyAt;

        public bool Active { get; set; } = true;

        public List<string> Gears { get; } = [];
    }
}
