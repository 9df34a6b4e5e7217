using NodeManager.Core.Metrics;
using NodeManager.Core.Scaling;
using Prometheus;

namespace NodeManager.Management.Metrics;

/// <summary>
/// The controller's counters and histograms in prometheus-net: what <see cref="IControllerMetrics"/> reports from the
/// actors. Every call is a lock-free increment or observation, safe on an actor's turn.
/// </summary>
internal sealed class ControllerMetrics : IControllerMetrics
{
    /// <summary>From a second (a quick phase) to a week (how long a node stays Active).</summary>
    private static readonly double[] PhaseBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600];

    private readonly Counter _decisions;
    private readonly Counter _started;
    private readonly Counter _launches;
    private readonly Histogram _phases;

    public ControllerMetrics(IMetricFactory metrics)
    {
        _decisions = metrics.CreateCounter("nodemanager_scaling_decisions_total",
            "Scaling decisions made, one per district per evaluation, by kind (scale-up, scale-down, hold).",
            ["district", "kind"]);
        _started = metrics.CreateCounter("nodemanager_launches_started_total",
            "Node launches started (the node's names journaled).", ["district", "profile"]);
        _launches = metrics.CreateCounter("nodemanager_launches_total",
            "Node launches ended: outcome succeeded (became Active) or failed (ended Failed or Aborted first), with the reason of a failure.",
            ["district", "profile", "outcome", "reason"]);
        _phases = metrics.CreateHistogram("nodemanager_node_phase_duration_seconds",
            "Time a node spent in a lifecycle phase, observed when it leaves the phase.",
            ["district", "profile", "phase"], new HistogramConfiguration { Buckets = PhaseBuckets });
    }

    public void DecisionMade(string district, string kind) => _decisions.WithLabels(district, kind).Inc();

    public void LaunchStarted(string district, string profile) => _started.WithLabels(district, profile).Inc();

    public void LaunchSucceeded(string district, string profile) => _launches.WithLabels(district, profile, "succeeded", "").Inc();

    public void LaunchFailed(string district, string profile, string reason) => _launches.WithLabels(district, profile, "failed", reason).Inc();

    public void PhaseLeft(string district, string profile, NodePhase phase, TimeSpan duration) =>
        _phases.WithLabels(district, profile, phase.ToString()).Observe(Math.Max(0, duration.TotalSeconds));
}
