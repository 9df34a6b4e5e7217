using NodeManager.Core.Cloud;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>The pure rules of a node's life: next step, deadlines, and what a cloud error turns into.</summary>
public sealed class NodeLifecycleRulesSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly NodeLifecycleSettings Settings = NodeLifecycleSettings.Default with
    {
        BootTimeout = TimeSpan.FromMinutes(10),
        AttachTimeout = TimeSpan.FromMinutes(5),
        JoinTimeout = TimeSpan.FromMinutes(15),
        DrainTimeout = TimeSpan.FromMinutes(30),
        LaunchRetries = 2,
    };

    private static readonly NodeLifecycleState Requested = NodeLifecycleState.Empty
        .Apply(new NodeRequested("d1-1", "d1", "small", 1, "d1_1", "d1-1.paas.test", T0));

    private static readonly NodeLifecycleState Booting = Requested.Apply(new ServerRequested(1, T0));

    private static readonly NodeLifecycleState Attaching = Booting.Apply(new ServerCreated("srv-1", T0)).Apply(new ServerBooted(["10.0.0.2"], true, T0));

    private static readonly NodeLifecycleState Joining = Attaching.Apply(new VolumeCreated("vol-1", T0)).Apply(new VolumeAttached("/dev/vdb", T0));

    private static readonly NodeLifecycleState Active = Joining.Apply(new NodeAdded(T0)).Apply(new NodeJoined(T0));

    private static readonly NodeLifecycleState Draining = Active.Apply(new DrainStarted("cold", ["d1-2"], T0));

    private static readonly NodeLifecycleState Reclaiming = Draining.Apply(new NodeDeactivated(T0)).Apply(new NodeDrained(T0));

    public static TheoryData<string, NodeStep> Steps() => new()
    {
        { "empty", NodeStep.None },
        { "requested", NodeStep.BeginBoot },
        { "booting", NodeStep.EnsureServer },
        { "booting with a server", NodeStep.PollServer },
        { "attaching", NodeStep.EnsureVolume },
        { "attaching with a volume", NodeStep.AttachVolume },
        { "joining", NodeStep.AddToPlatform },
        { "joining, added", NodeStep.PollReady },
        { "active", NodeStep.None },
        { "draining", NodeStep.Deactivate },
        { "draining, deactivated", NodeStep.MoveGears },
        { "reclaiming", NodeStep.RemoveFromPlatform },
        { "reclaiming, removed", NodeStep.DeleteResources },
        { "reclaimed", NodeStep.None },
        { "failed launch", NodeStep.CleanupLaunch },
        { "lost while active", NodeStep.CleanupLaunch },
        { "aborted", NodeStep.None },
    };

    private static NodeLifecycleState State(string name) => name switch
    {
        "empty" => NodeLifecycleState.Empty,
        "requested" => Requested,
        "booting" => Booting,
        "booting with a server" => Booting.Apply(new ServerCreated("srv-1", T0)),
        "attaching" => Attaching,
        "attaching with a volume" => Attaching.Apply(new VolumeCreated("vol-1", T0)),
        "joining" => Joining,
        "joining, added" => Joining.Apply(new NodeAdded(T0)),
        "active" => Active,
        "draining" => Draining,
        "draining, deactivated" => Draining.Apply(new NodeDeactivated(T0)),
        "reclaiming" => Reclaiming,
        "reclaiming, removed" => Reclaiming.Apply(new NodeRemoved(T0)),
        "reclaimed" => Reclaiming.Apply(new NodeRemoved(T0)).Apply(new NodeReclaimed(T0)),
        "failed launch" => Booting.Apply(new LaunchFailed("boom", LaunchOutcome.Retry, T0)),
        "lost while active" => Active.Apply(new NodeLost("gone", T0)),
        "aborted" => Booting.Apply(new LaunchFailed("quota", LaunchOutcome.Abort, T0)).Apply(new LaunchCleanedUp(T0)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void NodeLifecycleRules_must_pick_the_next_step_from_the_state_alone(string state, NodeStep expected)
    {
        Assert.Equal(expected, NodeLifecycleRules.Next(State(state)));
    }

    [Fact]
    public void NodeLifecycleRules_must_give_each_waiting_phase_its_own_deadline()
    {
        Assert.Equal(T0 + Settings.BootTimeout, NodeLifecycleRules.Deadline(Booting, Settings));
        Assert.Equal(T0 + Settings.AttachTimeout, NodeLifecycleRules.Deadline(Attaching, Settings));
        Assert.Equal(T0 + Settings.JoinTimeout, NodeLifecycleRules.Deadline(Joining, Settings));
        Assert.Equal(T0 + Settings.DrainTimeout, NodeLifecycleRules.Deadline(Draining, Settings));
        Assert.Null(NodeLifecycleRules.Deadline(Requested, Settings));
        Assert.Null(NodeLifecycleRules.Deadline(Active, Settings));
        Assert.Null(NodeLifecycleRules.Deadline(Reclaiming, Settings));
    }

    [Fact]
    public void NodeLifecycleRules_must_drop_the_deadline_while_cleaning_up_once_terminal_and_once_a_drain_alerts()
    {
        Assert.Null(NodeLifecycleRules.Deadline(State("failed launch"), Settings));
        Assert.Null(NodeLifecycleRules.Deadline(State("aborted"), Settings));
        Assert.Null(NodeLifecycleRules.Deadline(Draining.Apply(new DrainStalled("stuck", T0)), Settings));
    }

    [Fact]
    public void NodeLifecycleRules_must_act_on_a_deadline_at_and_not_before_it()
    {
        var deadline = T0 + Settings.BootTimeout;

        Assert.Null(NodeLifecycleRules.OnDeadline(Booting, Settings, deadline - TimeSpan.FromTicks(1)));
        var overdue = Assert.IsType<LaunchFailed>(NodeLifecycleRules.OnDeadline(Booting, Settings, deadline));
        Assert.Equal(LaunchOutcome.Retry, overdue.Outcome);
        Assert.Equal("boot timeout: server d1_1 not ACTIVE after 00:10:00", overdue.Reason);
        Assert.Null(NodeLifecycleRules.OnDeadline(Active, Settings, T0.AddYears(1)));
    }

    [Fact]
    public void NodeLifecycleRules_must_retry_a_timed_out_attach_fail_a_join_that_never_came_and_alert_on_a_stalled_drain()
    {
        var late = T0.AddHours(1);

        var attach = Assert.IsType<LaunchFailed>(NodeLifecycleRules.OnDeadline(Attaching, Settings, late));
        var join = Assert.IsType<LaunchFailed>(NodeLifecycleRules.OnDeadline(Joining, Settings, late));
        var drain = Assert.IsType<DrainStalled>(NodeLifecycleRules.OnDeadline(Draining, Settings, late));

        Assert.Equal((LaunchOutcome.Retry, "attach timeout: volume d1-1.paas.test not in-use after 00:05:00"), (attach.Outcome, attach.Reason));
        Assert.Equal((LaunchOutcome.Fail, "join timeout: d1-1.paas.test not ready after 00:15:00"), (join.Outcome, join.Reason));
        Assert.Equal("drain timeout: gears still on d1-1.paas.test after 00:30:00; needs an operator", drain.Reason);
    }

    [Theory]
    [InlineData(1, LaunchOutcome.Retry)]
    [InlineData(2, LaunchOutcome.Retry)]
    [InlineData(3, LaunchOutcome.Retry)]
    [InlineData(4, LaunchOutcome.Fail)]
    public void NodeLifecycleRules_must_retry_a_failed_launch_while_attempts_remain(int attempt, LaunchOutcome expected)
    {
        // Three retries after the first attempt: attempts 1 to 3 are retried, the fourth is the last.
        var state = Requested.Apply(new ServerRequested(attempt, T0));

        Assert.Equal(expected, NodeLifecycleRules.Failed(state, Settings with { LaunchRetries = 3 }, "boom", LaunchFailureKind.ServerError, T0).Outcome);
    }

    public static TheoryData<CloudException, NodeStep, LaunchOutcome?> CloudErrors() => new()
    {
        { new CloudQuotaExceededException("create server", "instances", "Quota exceeded for instances"), NodeStep.EnsureServer, LaunchOutcome.Abort },
        { new CloudQuotaExceededException("create volume", "gigabytes", "VolumeSizeExceedsAvailableQuota"), NodeStep.EnsureVolume, LaunchOutcome.Abort },
        { new CloudNoValidHostException("create server", "No valid host was found."), NodeStep.EnsureServer, LaunchOutcome.Abort },
        { new CloudNotFoundException("create server", "Flavor m9 could not be found."), NodeStep.EnsureServer, LaunchOutcome.Fail },
        { new CloudRequestException("attach volume", "Bad request", 400), NodeStep.AttachVolume, LaunchOutcome.Fail },
        { new CloudNotFoundException("get server", "gone"), NodeStep.PollServer, LaunchOutcome.Fail },
        { new CloudNotFoundException("begin", "gone"), NodeStep.BeginBoot, LaunchOutcome.Fail },
        { new CloudServerFaultException("create server", "503", 503), NodeStep.EnsureServer, null },
        { new CloudRateLimitedException("create server", "429"), NodeStep.EnsureServer, null },
        { new CloudTimeoutException("create server", "timed out"), NodeStep.EnsureServer, null },
        { new CloudConflictException("attach volume", "volume not available"), NodeStep.AttachVolume, null },
        { new CloudQuotaExceededException("create server", "instances", "Quota exceeded"), NodeStep.DeleteResources, null },
        { new CloudNotFoundException("delete server", "gone"), NodeStep.CleanupLaunch, null },
        { new CloudRequestException("add dns", "Bad request", 400), NodeStep.AddToPlatform, null },
    };

    [Theory]
    [MemberData(nameof(CloudErrors))]
    public void NodeLifecycleRules_must_abort_on_exhaustion_fail_on_other_permanent_launch_errors_and_retry_the_rest(
        CloudException error, NodeStep step, LaunchOutcome? expected)
    {
        var verdict = NodeLifecycleRules.OnCloudError(Booting, step, error, Settings, T0);

        Assert.Equal(expected, (verdict as LaunchFailed)?.Outcome);
        Assert.Equal(expected is null, verdict is null);
        if (verdict is LaunchFailed failed) Assert.Equal(error.Message, failed.Reason);
    }

    [Fact]
    public void NodeLifecycleRules_must_back_off_the_whole_cloud_on_quota_and_only_the_district_on_no_valid_host()
    {
        Assert.Equal(ExhaustionScope.Cloud, NodeLifecycleRules.ScopeOf(new CloudQuotaExceededException("c", "cores", "Quota exceeded for cores")));
        Assert.Equal(ExhaustionScope.District, NodeLifecycleRules.ScopeOf(new CloudNoValidHostException("c", "No valid host was found.")));
    }

    [Theory]
    [InlineData("No valid host was found. There are not enough hosts available.", true)]
    [InlineData("NO VALID HOST was found", true)]
    [InlineData("Build of instance aborted: disk full", false)]
    [InlineData(null, false)]
    public void NodeLifecycleRules_must_recognise_novas_no_valid_host_fault(string? fault, bool expected)
    {
        Assert.Equal(expected, NodeLifecycleRules.IsNoValidHostFault(fault));
    }
}
