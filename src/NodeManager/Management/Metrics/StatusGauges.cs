using NodeManager.Core.Scaling;
using NodeManager.Core.Status;
using Prometheus;

namespace NodeManager.Management.Metrics;

/// <summary>
/// The gauges that mirror the controller's state, computed from <see cref="IControllerStatus"/> (what
/// <c>/districts</c> and <c>/nodes</c> show) when Prometheus scrapes, never kept in step by hand. A series whose
/// district or state is gone is removed, not left at its last value.
/// </summary>
internal sealed class StatusGauges
{
    private readonly IControllerStatus _status;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Gauge _ready;
    private readonly Gauge _nodes;
    private readonly Gauge _utilisation;
    private readonly Gauge _minNodes;
    private readonly Gauge _maxNodes;
    private readonly Gauge _exhausted;
    private readonly Gauge _launchFailing;
    private readonly Gauge _drainStalled;
    private readonly Gauge _drainOldest;

    public StatusGauges(IMetricFactory metrics, IControllerStatus status, TimeProvider time)
    {
        _status = status;
        _time = time;
        _ready = metrics.CreateGauge("nodemanager_ready", "1 when the controller is ready (GET /ready answers 200), else 0.");
        _nodes = metrics.CreateGauge("nodemanager_nodes",
            "Live nodes by district, profile and lifecycle state; Unmanaged counts hosts the capacity source reports that no node actor manages.",
            ["district", "profile", "state"]);
        _utilisation = metrics.CreateGauge("nodemanager_district_utilisation_ratio",
            "Active gears over the gears the district's responding nodes can hold (0..1); absent while unknown.", ["district"]);
        _minNodes = metrics.CreateGauge("nodemanager_district_min_nodes", "The district's lower bound on nodes.", ["district"]);
        _maxNodes = metrics.CreateGauge("nodemanager_district_max_nodes", "The district's upper bound on nodes.", ["district"]);
        _exhausted = metrics.CreateGauge("nodemanager_exhausted",
            "1 while the district's launches wait on an exhausted cloud: scope cloud (project quota) or district (no valid host).",
            ["district", "scope"]);
        _launchFailing = metrics.CreateGauge("nodemanager_launch_failing",
            "1 while the district's launches wait because launches in a row failed for a lasting reason.", ["district"]);
        _drainStalled = metrics.CreateGauge("nodemanager_drain_stalled_nodes",
            "Draining nodes whose drain timed out with gears left (they wait for an operator).", ["district"]);
        _drainOldest = metrics.CreateGauge("nodemanager_drain_oldest_seconds",
            "Seconds since the district's longest-draining node started draining; 0 when none drains.", ["district"]);
    }

    /// <summary>Reads the status once and sets every gauge; a controller that is not started yet leaves only <c>nodemanager_ready 0</c>.</summary>
    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _ready.Set(_status.IsReady ? 1 : 0);
            IReadOnlyList<DistrictStatus> districts;
            IReadOnlyList<NodeStatus> nodes;
            try
            {
                districts = await _status.GetDistrictsAsync(cancellationToken);
                nodes = await _status.GetNodesAsync(cancellationToken);
            }
            catch (ControllerNotStartedException)
            {
                districts = [];
                nodes = [];
            }

            Update(districts, nodes, _time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Update(IReadOnlyList<DistrictStatus> districts, IReadOnlyList<NodeStatus> nodes, DateTimeOffset now)
    {
        var nodeCounts = new Dictionary<string[], double>(LabelComparer.Instance);
        var utilisation = new Dictionary<string[], double>(LabelComparer.Instance);
        var minNodes = new Dictionary<string[], double>(LabelComparer.Instance);
        var maxNodes = new Dictionary<string[], double>(LabelComparer.Instance);
        var exhausted = new Dictionary<string[], double>(LabelComparer.Instance);
        var launchFailing = new Dictionary<string[], double>(LabelComparer.Instance);
        var stalled = new Dictionary<string[], double>(LabelComparer.Instance);
        var oldest = new Dictionary<string[], double>(LabelComparer.Instance);

        foreach (var district in districts)
        {
            string[] name = [district.Name];
            foreach (var (state, count) in district.NodesByState)
            {
                if (Enum.TryParse<NodePhase>(state, out var phase) && phase.IsTerminal()) continue;
                nodeCounts[[district.Name, district.Profile, state]] = count;
            }

            if (district.Utilisation is { } percent) utilisation[name] = percent / 100.0;
            minNodes[name] = district.MinNodes;
            maxNodes[name] = district.MaxNodes;
            var exhaustion = district.Conditions.FirstOrDefault(c => c.Type == "exhausted");
            var cloudWide = exhaustion?.Message.StartsWith("cloud:", StringComparison.Ordinal) == true;
            exhausted[[district.Name, "cloud"]] = exhaustion is not null && cloudWide ? 1 : 0;
            exhausted[[district.Name, "district"]] = exhaustion is not null && !cloudWide ? 1 : 0;
            launchFailing[name] = district.Conditions.Any(c => c.Type == "launch-failing") ? 1 : 0;

            var draining = nodes.Where(n => n.District == district.Name && n.State == nameof(NodePhase.Draining)).ToList();
            stalled[name] = draining.Count(IsStalled);
            oldest[name] = draining.Select(DrainStartedAt).Where(at => at is not null).Select(at => (now - at!.Value).TotalSeconds)
                .DefaultIfEmpty(0).Max();
        }

        Publish(_nodes, nodeCounts);
        Publish(_utilisation, utilisation);
        Publish(_minNodes, minNodes);
        Publish(_maxNodes, maxNodes);
        Publish(_exhausted, exhausted);
        Publish(_launchFailing, launchFailing);
        Publish(_drainStalled, stalled);
        Publish(_drainOldest, oldest);
    }

    /// <summary>
    /// When the node's current drain began: its last DrainStarted in the history it keeps, or, once gear moves have pushed
    /// that out of the kept history, its oldest entry while Draining (the drain is at least that old).
    /// </summary>
    private static DateTimeOffset? DrainStartedAt(NodeStatus node) =>
        node.History.LastOrDefault(h => h.Event == "DrainStarted")?.At ?? node.History.FirstOrDefault(h => h.State == "Draining")?.At;

    /// <summary>A drain that timed out journals DrainStalled after its DrainStarted; the node then waits for an operator.</summary>
    private static bool IsStalled(NodeStatus node)
    {
        var started = node.History.Select((h, i) => (h, i)).LastOrDefault(x => x.h.Event == "DrainStarted");
        return node.History.Skip(started.h is null ? 0 : started.i).Any(h => h.Event == "DrainStalled");
    }

    private static void Publish(Gauge gauge, Dictionary<string[], double> values)
    {
        foreach (var labels in gauge.GetAllLabelValues().Where(labels => !values.ContainsKey(labels)).ToList())
            gauge.WithLabels(labels).Remove();
        foreach (var (labels, value) in values)
            gauge.WithLabels(labels).Set(value);
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static LabelComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] labels)
        {
            var hash = new HashCode();
            foreach (var label in labels) hash.Add(label, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}
