using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>The high- and low-water marks at and just beside their values (80 % and 40 % by default).</summary>
public sealed class ScalingPolicyWaterMarkSpec
{
    [Fact]
    public void ScalingPolicy_must_scale_up_at_exactly_the_high_water_mark()
    {
        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 80))), Eager, T0).For("a"));

        Assert.Equal(1, up.Count);
        Assert.Contains("usage 80% ≥ high-water mark 80%", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_just_below_the_high_water_mark()
    {
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 79))), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("between low-water mark", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_follow_a_configured_high_water_mark()
    {
        var settings = Eager with { HighWaterMark = 90 };

        Assert.IsType<Hold>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 89))), settings, T0).For("a"));
        Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 90))), settings, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_judge_the_high_water_mark_over_the_whole_profile()
    {
        // 85 % in a, 70 % in b: the profile runs at 77.5 %, below the mark, so neither scales up.
        var a = District("a", Node("a-1", 85));
        var b = District("b", Node("b-1", 70));

        var outcome = ScalingPolicy.Decide(Of(a, b), Eager, T0);

        Assert.All(outcome.Decisions, d => Assert.IsType<Hold>(d));
        Assert.Contains("profile 77.5%", outcome.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_launch_enough_nodes_to_bring_usage_below_the_high_water_mark()
    {
        // 8 nodes at 95 %: 760 gears on 10 nodes of 100 run at 76 %, below the mark: 2 more.
        var nodes = Enumerable.Range(1, 8).Select(i => Node($"a-{i}", 95)).ToArray();
        var settings = Eager with { MaxConcurrentLaunches = 10 };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", nodes)), settings, T0).For("a"));

        Assert.Equal(2, up.Count);
    }

    [Fact]
    public void ScalingPolicy_must_launch_as_many_as_the_caps_allow_at_full_usage()
    {
        var settings = Eager with { MaxConcurrentLaunches = 3 };

        var full = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 100))), settings, T0).For("a"));
        var nearlyFull = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 99))), settings, T0).For("a"));

        Assert.Equal(3, full.Count);
        Assert.Equal(1, nearlyFull.Count);
    }

    [Fact]
    public void ScalingPolicy_must_count_launches_in_flight_against_what_is_needed()
    {
        var settings = Eager with { MaxConcurrentLaunches = 10 };
        var nodes = Enumerable.Range(1, 8).Select(i => Node($"a-{i}", 95))
            .Append(Node("a-9", 0, phase: NodePhase.Booting)).ToArray();

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", nodes)), settings, T0).For("a"));
        var covered = ScalingPolicy.Decide(Of(District("a", [.. nodes, Node("a-10", 0, phase: NodePhase.Joining)])), settings, T0).For("a");

        Assert.Equal(1, up.Count);
        Assert.IsType<Hold>(covered);
        Assert.Contains("launches in flight cover it", covered.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_at_exactly_the_low_water_mark()
    {
        var district = District("a", Node("a-1", 40), Node("a-2", 40), Node("a-3", 40));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Contains("usage 40% ≤ low-water mark 40%", down.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_just_above_the_low_water_mark()
    {
        var district = District("a", Node("a-1", 41), Node("a-2", 41), Node("a-3", 41));

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("usage 41% between low-water mark 40% and high-water mark 80%", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_drain_when_the_rest_stays_just_below_the_high_water_mark()
    {
        // 79 gears on two nodes: one node alone runs at 79 %, below the mark, so draining is safe.
        var district = District("a", Node("a-1", 39), Node("a-2", 40));

        Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_district_whose_nodes_report_no_capacity()
    {
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 0, max: 0))), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Equal("no serving node reports capacity", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_leave_unresponsive_nodes_out_of_the_usage()
    {
        // The silent node's gears would make the district cold; without them it runs at 90 % but waits for it.
        var decision = ScalingPolicy.Decide(Of(District("a", Node("a-1", 90), Node("a-2", 0, responding: false))), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("usage 90%", decision.Reason);
        Assert.Contains("a-2 is not responding", decision.Reason);
    }
}
