using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;
using NodeManager.Core.Operations;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Tests.Controller;

/// <summary>
/// Operator actions through <see cref="IControllerActions"/> in the running controller: journaled by the district, honoured by
/// the policy, kept across a restart of the district, idempotent.
/// </summary>
public sealed class OperatorActionsSpec : ControllerSpecBase
{
    private const string SupervisorPath = "/user/districts/district-d1/district";

    [Fact]
    public async Task A_paused_district_must_not_launch_below_run_time_bounds_and_both_must_survive_a_restart_until_resumed()
    {
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");

        var pause = Act(OperatorAction.Pause, "d1", reason: "maintenance");
        var pauseAgain = Act(OperatorAction.Pause, "d1");
        var bounds = Act(OperatorAction.SetBounds, "d1", min: 2, max: 4);
        AdvanceUntil(() => District("d1")?.LastDecision?.Reason == "below min-nodes 2 but it is paused by operator",
            () => $"a hold because paused ({District("d1")?.LastDecision?.Reason})");

        Assert.Equal((OperatorVerdict.Done, true), (pause.Verdict, pause.Changed));
        Assert.Equal((OperatorVerdict.Done, false), (pauseAgain.Verdict, pauseAgain.Changed));
        Assert.True(bounds.Changed);
        AssertOverridden(District("d1")!, paused: true);

        await RestartDistrictAsync();
        var restarted = District("d1")!;
        AssertOverridden(restarted, paused: true);
        Assert.Equal(["pause", "bounds"], Host!.Board.Districts["d1"].State.RecentActions.Select(a => a.Action));
        Assert.DoesNotContain(World.Cloud.Calls, c => c.StartsWith("create-server", StringComparison.Ordinal));

        var resume = Act(OperatorAction.Resume, "d1");
        AdvanceUntil(() => Live() == 2, () => $"the run-time min-nodes 2 launched ({Live()} live)");

        Assert.True(resume.Changed);
        Assert.False(District("d1")!.Paused);
        Assert.Equal(["bounds"], District("d1")!.Overrides!.Select(o => o.Setting));
    }

    [Fact]
    public void Clearing_run_time_bounds_must_give_the_file_s_bounds_back()
    {
        StartController(minNodes: 1, maxNodes: 10);
        AdvanceUntil(() => District("d1") is not null, "the district to start");

        var set = Act(OperatorAction.SetBounds, "d1", min: 3, max: 3);
        AdvanceUntil(() => Live() == 3, () => $"three nodes for min-nodes 3 ({Live()} live)");
        var cleared = Act(OperatorAction.ClearBounds, "d1");
        var clearedAgain = Act(OperatorAction.ClearBounds, "d1");

        Assert.True(set.Changed);
        Assert.True(cleared.Changed);
        Assert.False(clearedAgain.Changed);
        Assert.Equal((1, 10), (District("d1")!.MinNodes, District("d1")!.MaxNodes));
        Assert.Empty(District("d1")!.Overrides!);
    }

    [Fact]
    public void Bounds_that_are_invalid_must_be_refused_by_the_district_and_change_nothing()
    {
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");

        var refused = Act(OperatorAction.SetBounds, "d1", min: 5, max: 2);

        Assert.Equal(OperatorVerdict.Invalid, refused.Verdict);
        Assert.Equal("min (5) must be ≤ max (2)", refused.Detail);
        Assert.Empty(Host!.Board.Districts["d1"].State.RecentActions);
    }

    [Fact]
    public void An_operator_protected_node_must_not_be_drained_on_scale_in()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 2);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2, "two Active nodes");

        var protect = Act(OperatorAction.Protect, "d1-1.paas.test", reason: "debugging");
        var protectAgain = Act(OperatorAction.Protect, "d1-1.paas.test");
        Act(OperatorAction.SetBounds, "d1", min: 0, max: 10);
        AdvanceUntil(() => Nodes().Any(n => n.Name == "d1-2.paas.test" && n.State == nameof(NodePhase.Reclaimed)), "the unprotected node reclaimed");
        var until = Time.GetUtcNow().AddMinutes(3);
        AdvanceUntil(() => Time.GetUtcNow() >= until, "three more minutes of cold district");

        Assert.True(protect.Changed);
        Assert.False(protectAgain.Changed);
        var kept = Assert.Single(Nodes(), n => n.Name == "d1-1.paas.test");
        Assert.Equal(nameof(NodePhase.Active), kept.State);
        Assert.True(kept.Protected);
        Assert.Equal("operator:ops", kept.ProtectedBy);
        Assert.Contains(kept.History, h => h.Event == "OperatorAction" && h.Detail == "protect by ops: debugging");
        Assert.Contains("no node is drainable", District("d1")!.LastDecision!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_must_say_that_the_file_s_protection_stays()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(district: DistrictSettings.Default with { MinNodes = 1, MaxNodes = 10, ScaleInProtected = ["d1-1.paas.test"] });
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, "one Active node");

        var protect = Act(OperatorAction.Protect, "d1-1.paas.test");
        var unprotect = Act(OperatorAction.Unprotect, "d1-1.paas.test");
        var unprotectAgain = Act(OperatorAction.Unprotect, "d1_1");

        Assert.Equal("d1-1.paas.test is also protected by the file's scale-in-protected", protect.Detail);
        Assert.True(unprotect.Changed);
        Assert.Equal("d1-1.paas.test stays protected by the file's scale-in-protected", unprotect.Detail);
        Assert.False(unprotectAgain.Changed);
        Assert.Equal("file", Assert.Single(Nodes()).ProtectedBy);
    }

    [Fact]
    public void An_operator_drain_must_reclaim_an_Active_node_and_refuse_one_that_is_not_Active()
    {
        World.Paas.ScaleDemand("d1", 0);
        StartController(minNodes: 2, maxNodes: 2);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2, "two Active nodes");

        var drain = Act(OperatorAction.Drain, "d1-2.paas.test", reason: "kernel update");
        var again = Act(OperatorAction.Drain, "d1-2.paas.test");
        AdvanceUntil(() => Nodes().Any(n => n.LaunchId == "d1-2" && n.State == nameof(NodePhase.Reclaimed)), "the drained node reclaimed");

        Assert.Equal((OperatorVerdict.Done, "d1-2.paas.test", true), (drain.Verdict, drain.Target, drain.Changed));
        Assert.Equal(OperatorVerdict.Conflict, again.Verdict);
        Assert.Matches("^d1-2.paas.test is (Draining|Reclaiming|Reclaimed), not Active$", again.Detail);
        var history = Nodes().Single(n => n.LaunchId == "d1-2").History;
        Assert.Contains(history, h => h.Event == "DrainStarted" && h.Detail!.Contains("operator ops: kernel update", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_must_launch_a_Failed_node_again_under_its_name_and_refuse_a_node_that_is_not_Failed()
    {
        World.Cloud.Options.FailBoots = 1;
        World.Lifecycle = World.Lifecycle with { LaunchRetries = 0 };
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Failed) == 1, "a failed launch");
        var failed = Nodes().Single(n => n.State == nameof(NodePhase.Failed));

        var retry = Act(OperatorAction.Retry, failed.Name, reason: "image fixed");
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1, () => $"the retried node Active ({string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))})");
        var again = Act(OperatorAction.Retry, failed.Name);

        Assert.Equal((OperatorVerdict.Done, failed.Name, true), (retry.Verdict, retry.Target, retry.Changed));
        var active = Assert.Single(Nodes());
        Assert.Equal(failed.Name, active.Name);
        Assert.NotEqual(failed.LaunchId, active.LaunchId);
        Assert.Equal(OperatorVerdict.Conflict, again.Verdict);
        Assert.Equal($"{failed.Name} is Active, not Failed: only a Failed node can be retried", again.Detail);
    }

    [Fact]
    public void Forget_must_remove_a_Failed_node_from_the_nodes_for_good()
    {
        World.Cloud.Options.FailBoots = 1;
        World.Lifecycle = World.Lifecycle with { LaunchRetries = 0 };
        StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Failed) == 1, "a failed launch");
        var failed = Nodes().Single(n => n.State == nameof(NodePhase.Failed));

        var forget = Act(OperatorAction.Forget, failed.LaunchId);
        var again = Act(OperatorAction.Forget, failed.LaunchId);

        Assert.True(forget.Changed);
        Assert.Equal(OperatorVerdict.UnknownTarget, again.Verdict);
        Assert.DoesNotContain(Nodes(), n => n.LaunchId == failed.LaunchId);
        Assert.Equal("forget", Host!.Board.Districts["d1"].State.RecentActions.Single().Action);
    }

    [Fact]
    public void Scale_now_must_be_recorded_and_make_the_watcher_evaluate_at_once()
    {
        var evaluations = CreateTestProbe();
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");
        Sys.EventStream.Subscribe(evaluations.Ref, typeof(CapacityWatcher.Evaluated));
        var now = Time.GetUtcNow();

        var scaleNow = Act(OperatorAction.ScaleNow, "d1", reason: "demand expected");

        Assert.True(scaleNow.Changed);
        Assert.Equal(now, evaluations.ExpectMsg<CapacityWatcher.Evaluated>(TimeSpan.FromSeconds(10)).At);
        Assert.Equal(new OperatorActionRecord("scale-now", "d1", "ops", "demand expected", now), Host!.Board.Districts["d1"].State.RecentActions.Single());
    }

    [Fact]
    public void Actions_on_an_unknown_district_or_node_must_answer_unknown_target()
    {
        StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");

        Assert.Equal(OperatorVerdict.UnknownTarget, Act(OperatorAction.Pause, "d9").Verdict);
        Assert.Equal(OperatorVerdict.UnknownTarget, Act(OperatorAction.Drain, "nobody.paas.test").Verdict);
    }

    private static void AssertOverridden(DistrictStatus district, bool paused)
    {
        Assert.Equal(paused, district.Paused);
        Assert.Equal((2, 4), (district.MinNodes, district.MaxNodes));
        Assert.Equal(
            [new OverrideStatus("paused", "true", "ops", district.Overrides![0].At, "maintenance"), new OverrideStatus("bounds", "2..4", "ops", district.Overrides[1].At, null)],
            district.Overrides);
    }

    private OperatorOutcome Act(OperatorAction action, string target, int? min = null, int? max = null, string? reason = null) =>
        Host!.ActAsync(new OperatorRequest(action, target, "ops", reason, min, max), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();

    /// <summary>Stops the district's supervisor and waits for the one its entity starts again to publish from its journal.</summary>
    private async Task RestartDistrictAsync()
    {
        var supervisor = await Sys.ActorSelection(SupervisorPath).ResolveOne(TimeSpan.FromSeconds(30));
        Watch(supervisor);
        supervisor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(supervisor, TimeSpan.FromSeconds(30));
        Host!.Board.Districts.TryRemove("d1", out _);
        AdvanceUntil(() => Host.Board.Districts.TryGetValue("d1", out var view) && view.Recovered, "the district recovered from its journal");
    }
}
