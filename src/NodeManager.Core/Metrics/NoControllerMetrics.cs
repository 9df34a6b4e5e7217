using NodeManager.Core.Scaling;

namespace NodeManager.Core.Metrics;

/// <summary>Counts nothing: the default when no host asked for metrics (tools, most specs, benchmarks).</summary>
public sealed class NoControllerMetrics : IControllerMetrics
{
    public static NoControllerMetrics Instance { get; } = new();

    private NoControllerMetrics() { }

    public void DecisionMade(string district, string kind) { }

    public void LaunchStarted(string district, string profile) { }

    public void LaunchSucceeded(string district, string profile) { }

    public void LaunchFailed(string district, string profile, string reason) { }

    public void PhaseLeft(string district, string profile, NodePhase phase, TimeSpan duration) { }
}
