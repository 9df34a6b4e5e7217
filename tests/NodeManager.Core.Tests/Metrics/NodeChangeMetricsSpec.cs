using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Metrics;

/// <summary>What two successive reports of a node amount to for the metrics: phases left, and how its launch ended.</summary>
public sealed class NodeChangeMetricsSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Report_must_time_every_phase_left_between_two_reports_from_the_journaled_history()
    {
        var before = View(NodePhase.Booting, null, (0, "Requested"), (2, "Booting"), (5, "Booting"));
        var after = View(NodePhase.Joining, null, (0, "Requested"), (2, "Booting"), (5, "Booting"), (30, "VolumeAttaching"), (40, "Joining"));
        var recorded = new RecordingControllerMetrics();

        NodeChangeMetrics.Report(recorded, before, after);

        Assert.Equal(
            [("d1", NodePhase.Booting, TimeSpan.FromSeconds(28)), ("d1", NodePhase.VolumeAttaching, TimeSpan.FromSeconds(10))],
            recorded.Phases);
        Assert.Empty(recorded.Calls);
    }

    [Fact]
    public void Report_must_count_a_launch_once_when_the_node_first_becomes_Active_and_never_for_a_rejoin()
    {
        var joining = View(NodePhase.Joining, null, (0, "Requested"), (10, "Joining"));
        var active = View(NodePhase.Active, T0.AddSeconds(20), (0, "Requested"), (10, "Joining"), (20, "Active"));
        var rejoining = View(NodePhase.Joining, T0.AddSeconds(20), (0, "Requested"), (10, "Joining"), (20, "Active"), (90, "Joining"));
        var activeAgain = View(NodePhase.Active, T0.AddSeconds(20), (0, "Requested"), (10, "Joining"), (20, "Active"), (90, "Joining"), (95, "Active"));
        var recorded = new RecordingControllerMetrics();

        NodeChangeMetrics.Report(recorded, joining, active);
        NodeChangeMetrics.Report(recorded, active, rejoining);
        NodeChangeMetrics.Report(recorded, rejoining, activeAgain);

        Assert.Equal(["LaunchSucceeded d1 small"], recorded.Calls);
        Assert.Equal([NodePhase.Joining, NodePhase.Active, NodePhase.Joining], recorded.Phases.Select(p => p.Phase));
    }

    [Fact]
    public void Report_must_count_a_launch_that_ends_before_Active_as_failed_with_a_bounded_reason()
    {
        var booting = View(NodePhase.Booting, null, (0, "Requested"), (1, "Booting"));
        var failed = View(NodePhase.Failed, null, (0, "Requested"), (1, "Booting"), (400, "Failed")) with
        {
            LastError = "boot timeout: server d1_1 not ACTIVE after 00:05:00",
        };
        var aborted = failed with { Phase = NodePhase.Aborted, LastError = "create server d1_1: Quota exceeded for instances" };
        var recorded = new RecordingControllerMetrics();

        NodeChangeMetrics.Report(recorded, booting, failed);
        NodeChangeMetrics.Report(recorded, booting, aborted);

        Assert.Equal(["LaunchFailed d1 small boot-timeout", "LaunchFailed d1 small exhausted"], recorded.Calls);
    }

    [Fact]
    public void Report_must_say_nothing_for_a_node_first_seen_or_unchanged_since_its_history_may_be_a_replay()
    {
        var active = View(NodePhase.Active, T0.AddSeconds(20), (0, "Requested"), (10, "Joining"), (20, "Active"));
        var recorded = new RecordingControllerMetrics();

        NodeChangeMetrics.Report(recorded, null, active);
        NodeChangeMetrics.Report(recorded, active, active);

        Assert.Empty(recorded.Calls);
        Assert.Empty(recorded.Phases);
    }

    [Fact]
    public void PhasesLeft_must_report_nothing_when_the_kept_history_no_longer_reaches_the_phase_left()
    {
        var after = View(NodePhase.Reclaiming, null, (100, "Draining"), (200, "Reclaiming"));

        Assert.Empty(NodeChangeMetrics.PhasesLeft(NodePhase.Active, after));
        Assert.Equal([(NodePhase.Draining, TimeSpan.FromSeconds(100))], NodeChangeMetrics.PhasesLeft(NodePhase.Draining, after));
    }

    [Fact]
    public void LaunchFailureReason_must_name_the_kind_the_lifecycle_rules_journal_whatever_the_clouds_message_says()
    {
        var settings = NodeLifecycleSettings.Default;
        var state = NodeLifecycleState.Empty with { LaunchId = "d1-1", Host = "d1-1.paas.test", ServerName = "d1_1", PhaseSince = T0, Attempt = 99 };
        NodeLifecycle.LaunchFailed Overdue(NodePhase phase) =>
            (NodeLifecycle.LaunchFailed)NodeLifecycleRules.OnDeadline(state with { Phase = phase }, settings, T0.AddDays(1))!;
        // A cloud message that reads like another rule's text: the journaled kind decides, not the words.
        var refused = (NodeLifecycle.LaunchFailed)NodeLifecycleRules.OnCloudError(state with { Phase = NodePhase.Booting }, NodeStep.EnsureServer,
            new Core.Cloud.CloudNotFoundException("create server d1_1", "boot timeout: image centos could not be found."), settings, T0)!;
        var quota = (NodeLifecycle.LaunchFailed)NodeLifecycleRules.OnCloudError(state with { Phase = NodePhase.Booting }, NodeStep.EnsureServer,
            new Core.Cloud.CloudQuotaExceededException("create server d1_1", "instances", "Quota exceeded for instances"), settings, T0)!;
        string Word(NodeLifecycle.LaunchFailed failed) => LaunchFailureReason.Of(NodePhase.Failed, failed.Kind, failed.Reason);

        Assert.Equal("boot-timeout", Word(Overdue(NodePhase.Booting)));
        Assert.Equal("attach-timeout", Word(Overdue(NodePhase.VolumeAttaching)));
        Assert.Equal("join-timeout", Word(Overdue(NodePhase.Joining)));
        Assert.Equal("cloud-refused", Word(refused));
        Assert.Equal("exhausted", Word(quota));
        Assert.Equal("server-error", LaunchFailureReason.Of(NodePhase.Failed, LaunchFailureKind.ServerError, "create volume: boom"));
        Assert.Equal("volume-error", LaunchFailureReason.Of(NodePhase.Failed, LaunchFailureKind.VolumeError, null));
        Assert.Equal("exhausted", LaunchFailureReason.Of(NodePhase.Aborted, null, "create server d1_1: Quota exceeded"));
        Assert.Equal(7, LaunchFailureReason.All.Distinct().Count());
        Assert.Equal(LaunchFailureReason.All.Order(), Enum.GetValues<LaunchFailureKind>().Select(k => LaunchFailureReason.Of(NodePhase.Failed, k, null)).Order());
    }

    [Fact]
    public void LaunchFailureReason_must_read_lifecycles_journaled_before_the_kind_from_their_texts()
    {
        Assert.Equal("boot-timeout", LaunchFailureReason.Of(NodePhase.Failed, null, "boot timeout: server d1_1 not ACTIVE after 00:10:00"));
        Assert.Equal("attach-timeout", LaunchFailureReason.Of(NodePhase.Failed, null, "attach timeout: volume d1-1.paas.test not in-use after 00:05:00"));
        Assert.Equal("join-timeout", LaunchFailureReason.Of(NodePhase.Failed, null, "join timeout: d1-1.paas.test not ready after 00:10:00"));
        Assert.Equal("server-error", LaunchFailureReason.Of(NodePhase.Failed, null, "server d1_1 went to ERROR: boom"));
        Assert.Equal("volume-error", LaunchFailureReason.Of(NodePhase.Failed, null, "volume d1-1.paas.test went to error"));
        Assert.Equal("cloud-refused", LaunchFailureReason.Of(NodePhase.Failed, null, "create server d1_1: Image centos could not be found."));
    }

    private static NodeView View(NodePhase phase, DateTimeOffset? activeSince, params (int Seconds, string State)[] history) => new(
        "d1-1", "d1-1.paas.test", "d1_1", "d1", "small", 1, phase, null, null, null, false, activeSince,
        [.. history.Select(h => new NodeHistoryEntry(T0.AddSeconds(h.Seconds), h.State, "Event", null))]);
}
