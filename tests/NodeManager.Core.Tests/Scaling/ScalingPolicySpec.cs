using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

public sealed class ScalingPolicySpec
{
    [Fact]
    public void ScalingPolicy_must_scale_up_the_district_of_the_profile_with_the_most_free_uids()
    {
        var a = District("a", Node("a-1", 90)) with { UidCapacity = 6000, UidsAllocated = 5000 };
        var b = District("b", Node("b-1", 85)) with { UidCapacity = 6000, UidsAllocated = 100 };

        var outcome = ScalingPolicy.Decide(Of(a, b), Eager, T0);

        var up = Assert.IsType<ScaleUp>(outcome.For("b"));
        Assert.True(up.Count >= 1);
        Assert.Contains("most free UIDs", up.Reason);
        Assert.Contains("scaling up in b", outcome.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_until_usage_has_stayed_high_for_the_sustained_window()
    {
        var settings = Eager with { ScaleUpSustainedFor = TimeSpan.FromMinutes(1) };
        var snapshot = Of(District("a", Node("a-1", 95)));

        var first = ScalingPolicy.Decide(snapshot, settings, T0);
        var later = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0.AddSeconds(61));

        Assert.IsType<Hold>(first.For("a"));
        Assert.Contains("for 0s of 1m", first.For("a").Reason);
        Assert.IsType<ScaleUp>(later.For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_forget_a_hot_spell_once_usage_drops()
    {
        var settings = Eager with { ScaleUpSustainedFor = TimeSpan.FromMinutes(1) };
        var hot = ScalingPolicy.Decide(Of(District("a", Node("a-1", 95))), settings, T0);
        var cooled = ScalingPolicy.Decide(Of(District("a", Node("a-1", 50))) with { Memory = hot.Memory }, settings, T0.AddSeconds(30));
        var hotAgain = ScalingPolicy.Decide(Of(District("a", Node("a-1", 95))) with { Memory = cooled.Memory }, settings, T0.AddSeconds(70));

        Assert.IsType<Hold>(hotAgain.For("a"));
        Assert.Contains("for 0s of 1m", hotAgain.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_raise_district_full_when_no_district_of_the_profile_has_free_uids()
    {
        var full = District("a", Node("a-1", 95)) with { UidsAllocated = 6000 };

        var outcome = ScalingPolicy.Decide(Of(full), Eager, T0);

        Assert.IsType<Hold>(outcome.For("a"));
        var condition = Assert.Single(outcome.Conditions);
        Assert.Equal("district-full", condition.Type);
        Assert.Contains("district full: create a new district", condition.Message);
    }

    [Fact]
    public void ScalingPolicy_must_hold_while_a_node_of_the_district_is_not_responding()
    {
        var outcome = ScalingPolicy.Decide(Of(District("a", Node("a-1", 95), Node("a-2", 95, responding: false))), Eager, T0);

        Assert.IsType<Hold>(outcome.For("a"));
        Assert.Contains("a-2 is not responding", outcome.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_when_launches_in_flight_reach_the_cap()
    {
        var settings = Eager with { MaxConcurrentLaunches = 1 };
        var outcome = ScalingPolicy.Decide(Of(District("a",
            Node("a-1", 100), Node("a-2", 100), Node("a-3", 100), Node("a-4", 100), Node("a-5", 0, phase: NodePhase.Booting))), settings, T0);

        Assert.IsType<Hold>(outcome.For("a"));
        Assert.Contains("max-concurrent-launches 1", outcome.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_launch_up_to_min_nodes_whatever_the_usage()
    {
        var district = District("a", Node("a-1", 10)) with { MinNodes = 3 };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal(2, up.Count);
        Assert.Contains("below min-nodes 3", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_scale_down_within_the_delay_after_a_scale_up()
    {
        var settings = Eager with { ScaleDownDelayAfterAdd = TimeSpan.FromMinutes(10) };
        var district = District("a", Node("a-1", 5), Node("a-2", 5)) with { LastScaleUpAt = T0.AddMinutes(-3) };

        var decision = ScalingPolicy.Decide(Of(district), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Equal("not scaling down: within 10m of last scale-up", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_the_node_with_fewest_gears_once_unneeded_for_long_enough()
    {
        var settings = Eager with { ScaleDownUnneededTime = TimeSpan.FromMinutes(10) };
        var snapshot = Of(District("a", Node("a-1", 20), Node("a-2", 3), Node("a-3", 10)));

        var first = ScalingPolicy.Decide(snapshot, settings, T0);
        var after = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0.AddMinutes(10));

        Assert.Contains("for 0s of 10m", first.For("a").Reason);
        var down = Assert.IsType<ScaleDown>(after.For("a"));
        Assert.Equal("a-2", down.Node);
        Assert.Contains("fewest gears", down.Reason);
    }

    [Theory]
    [InlineData(DrainSelection.Oldest, "a-1")]
    [InlineData(DrainSelection.Newest, "a-3")]
    public void ScalingPolicy_must_pick_the_node_the_drain_selection_names(DrainSelection selection, string expected)
    {
        var district = District("a",
            Node("a-1", 5, activeSince: T0.AddHours(-3)), Node("a-2", 1, activeSince: T0.AddHours(-2)), Node("a-3", 5, activeSince: T0.AddHours(-1)));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager with { DrainSelection = selection }, T0).For("a"));

        Assert.Equal(expected, down.Node);
    }

    [Fact]
    public void ScalingPolicy_must_drain_an_operator_named_node_first()
    {
        var district = District("a", Node("a-1", 20), Node("a-2", 3)) with { DrainRequests = ["a-1"] };

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal("a-1", down.Node);
        Assert.Contains("operator-named", down.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_never_drain_a_scale_in_protected_or_unmanaged_node()
    {
        var district = District("a", Node("a-1", 1, protectedNode: true), Node("a-2", 2, phase: null));

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("no node is drainable", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_when_the_rest_would_run_hot()
    {
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 40), Node("a-2", 40))), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("would push usage to 80%", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_the_last_node_that_reports_capacity()
    {
        // min-nodes 0 allows an empty district, but with no node left no usage could be judged: "n/a", not 0 %.
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 1))), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("not scaling down: draining a-1 would push usage to n/a (high-water mark 80%)", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_scale_below_min_nodes()
    {
        var district = District("a", Node("a-1", 1), Node("a-2", 1)) with { MinNodes = 2 };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("already at min-nodes 2", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_launches_while_the_cloud_is_exhausted_and_resume_after_retry_at()
    {
        var backoff = new BackoffState("Quota exceeded for instances", T0, T0.AddMinutes(5), 1);
        var snapshot = Of(District("a", Node("a-1", 95))) with { CloudBackoff = backoff };

        var during = ScalingPolicy.Decide(snapshot, Eager, T0.AddMinutes(1)).For("a");
        var after = ScalingPolicy.Decide(snapshot, Eager, T0.AddMinutes(5)).For("a");

        Assert.IsType<Hold>(during);
        Assert.Contains("Quota exceeded for instances", during.Reason);
        Assert.IsType<ScaleUp>(after);
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_hot_district_whose_launches_keep_failing_saying_why_and_until_when()
    {
        var failing = new BackoffState("1 launch(es) in a row failed: image not found", T0, T0.AddMinutes(5), 1);
        var snapshot = Of(District("a", Node("a-1", 95)) with { LaunchFailing = failing });

        var during = ScalingPolicy.Decide(snapshot, Eager, T0.AddMinutes(1)).For("a");
        var after = ScalingPolicy.Decide(snapshot, Eager, T0.AddMinutes(5)).For("a");

        Assert.IsType<Hold>(during);
        Assert.Contains("usage 95% ≥ high-water mark 80% but its launches are failing; next try at ", during.Reason);
        Assert.EndsWith(" (1 launch(es) in a row failed: image not found)", during.Reason, StringComparison.Ordinal);
        Assert.IsType<ScaleUp>(after);
    }

    [Fact]
    public void ScalingPolicy_must_cap_launches_at_max_nodes_total()
    {
        var settings = Eager with { MaxNodesTotal = 5 };
        var snapshot = Of(District("a", Node("a-1", 100), Node("a-2", 100), Node("a-3", 100), Node("a-4", 100)));

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(snapshot, settings, T0).For("a"));

        Assert.Equal(1, up.Count);
        Assert.Contains("capped", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_explain_holding_between_the_water_marks()
    {
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 60))), Eager, T0).For("a");

        Assert.Equal("hold", decision.Kind);
        Assert.Contains("usage 60% between low-water mark 40% and high-water mark 80%", decision.Reason);
    }
}
