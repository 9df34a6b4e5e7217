using System.Collections.Concurrent;
using NodeManager.Core.Metrics;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Support;

/// <summary>An <see cref="IControllerMetrics"/> that keeps every call, in order, as one line of text or a phase record.</summary>
internal sealed class RecordingControllerMetrics : IControllerMetrics
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<(string District, NodePhase Phase, TimeSpan Duration)> _phases = new();

    /// <summary>Every call but <see cref="PhaseLeft"/>, e.g. <c>LaunchFailed d1 small server-error</c>.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public IReadOnlyList<(string District, NodePhase Phase, TimeSpan Duration)> Phases => [.. _phases];

    public int Count(string call) => Calls.Count(c => c == call);

    public void DecisionMade(string district, string kind) => _calls.Enqueue($"DecisionMade {district} {kind}");

    public void LaunchStarted(string district, string profile) => _calls.Enqueue($"LaunchStarted {district} {profile}");

    public void LaunchSucceeded(string district, string profile) => _calls.Enqueue($"LaunchSucceeded {district} {profile}");

    public void LaunchFailed(string district, string profile, string reason) => _calls.Enqueue($"LaunchFailed {district} {profile} {reason}");

    public void PhaseLeft(string district, string profile, NodePhase phase, TimeSpan duration) => _phases.Enqueue((district, phase, duration));
}
