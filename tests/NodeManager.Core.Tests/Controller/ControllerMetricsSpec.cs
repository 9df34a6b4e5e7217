using NodeManager.Core.Metrics;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The controller reports each decision, launch and phase change to its <see cref="IControllerMetrics"/> as it happens.</summary>
public sealed class ControllerMetricsSpec : ControllerSpecBase
{
    private readonly RecordingControllerMetrics _recorded = new();

    public ControllerMetricsSpec() => Metrics = _recorded;

    [Fact]
    public void Controller_must_report_the_decision_the_launch_its_success_and_every_phase_it_left_on_the_way_to_Active()
    {
        StartController(minNodes: 1);

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && _recorded.Count("LaunchSucceeded d1 small") == 1,
            () => $"one Active node reported ({string.Join("; ", _recorded.Calls)})", TimeSpan.FromSeconds(1));

        Assert.Contains("DecisionMade d1 scale-up", _recorded.Calls);
        Assert.Equal(1, _recorded.Count("LaunchStarted d1 small"));
        var calls = _recorded.Calls;
        Assert.True(calls.ToList().IndexOf("LaunchStarted d1 small") < calls.ToList().IndexOf("LaunchSucceeded d1 small"), string.Join("; ", calls));
        Assert.DoesNotContain(calls, c => c.StartsWith("LaunchFailed", StringComparison.Ordinal));

        // Each phase of the launch once, in order, each as long as the simulated cloud and platform made it last.
        var phases = _recorded.Phases;
        Assert.Equal([NodePhase.Requested, NodePhase.Booting, NodePhase.VolumeAttaching, NodePhase.Joining], phases.Select(p => p.Phase));
        Assert.All(phases, p => Assert.Equal("d1", p.District));
        Assert.InRange(phases.Single(p => p.Phase == NodePhase.Booting).Duration, World.Cloud.Options.BootTime, World.Cloud.Options.BootTime + TimeSpan.FromSeconds(10));
        Assert.InRange(phases.Single(p => p.Phase == NodePhase.Joining).Duration, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Controller_must_report_a_launch_that_ends_Failed_with_its_reason_and_not_as_a_success()
    {
        Scaling = Scaling with { MaxConcurrentLaunches = 1, LaunchFailureBackoffMin = TimeSpan.FromMinutes(5) };
        World.Cloud.Options.FailBoots = 1000;
        StartController(minNodes: 1);

        AdvanceUntil(() => _recorded.Calls.Any(c => c.StartsWith("LaunchFailed", StringComparison.Ordinal)),
            () => $"a failed launch reported ({string.Join("; ", _recorded.Calls)})", TimeSpan.FromSeconds(5));

        Assert.Equal(["LaunchFailed d1 small server-error"], _recorded.Calls.Where(c => c.StartsWith("LaunchFailed", StringComparison.Ordinal)));
        Assert.Equal(1, _recorded.Count("LaunchStarted d1 small"));
        Assert.Equal(0, _recorded.Count("LaunchSucceeded d1 small"));
        // The retries of the boot are one stay in Booting, left when the node failed.
        Assert.Equal([NodePhase.Requested, NodePhase.Booting], _recorded.Phases.Select(p => p.Phase));
    }
}
