using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>Min and max nodes, max nodes in total, and the launch caps per district and per cloud, at their edges.</summary>
public sealed class ScalingPolicyBoundsSpec
{
    private static NodeSnapshot[] Full(string district, int count) =>
        [.. Enumerable.Range(1, count).Select(i => Node($"{district}-{i}", 100))];

    [Fact]
    public void ScalingPolicy_must_not_launch_for_min_nodes_once_the_district_has_them()
    {
        var district = District("a", Node("a-1", 10), Node("a-2", 10)) with { MinNodes = 2 };

        Assert.IsType<Hold>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_count_launching_nodes_toward_min_nodes()
    {
        var district = District("a", Node("a-1", 10), Node("a-2", 0, phase: NodePhase.Booting)) with { MinNodes = 3 };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal(1, up.Count);
        Assert.Contains("2 node(s) below min-nodes 3", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_district_below_min_nodes_while_it_is_exhausted()
    {
        var district = District("a") with { MinNodes = 1, Backoff = new BackoffState("No valid host", T0, T0.AddMinutes(5), 1) };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("below min-nodes 1 but it is exhausted", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_to_but_not_below_min_nodes()
    {
        var district = District("a", Node("a-1", 1), Node("a-2", 1), Node("a-3", 1)) with { MinNodes = 2 };

        Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_count_unmanaged_nodes_toward_min_nodes()
    {
        var district = District("a", Node("a-1", 1), Node("static-1", 1, phase: null)) with { MinNodes = 2 };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("already at min-nodes 2", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_hot_district_at_max_nodes()
    {
        var district = District("a", Full("a", 2)) with { MaxNodes = 2 };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("it is at max-nodes 2", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_cap_a_launch_at_max_nodes()
    {
        var district = District("a", Full("a", 2)) with { MaxNodes = 3 };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal(1, up.Count);
        Assert.Contains("(wanted 2, capped)", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_drain_when_over_max_nodes()
    {
        // 50 % is between the marks: only max-nodes asks for a drain, and it needs no cold spell or cool-down.
        var settings = Eager with { ScaleDownUnneededTime = TimeSpan.FromHours(1), ScaleDownCooldown = TimeSpan.FromHours(1) };
        var district = District("a", Node("a-1", 50), Node("a-2", 50), Node("a-3", 50)) with { MaxNodes = 2, LastScaleDownAt = T0.AddMinutes(-1) };

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), settings, T0).For("a"));

        Assert.StartsWith("3 serving node(s) above max-nodes 2; draining", down.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_at_exactly_max_nodes()
    {
        var district = District("a", Node("a-1", 50), Node("a-2", 50), Node("a-3", 50)) with { MaxNodes = 3 };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("between low-water mark", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_over_max_nodes_while_another_node_is_leaving()
    {
        var district = District("a", Node("a-1", 50), Node("a-2", 50), Node("a-3", 50), Node("a-4", 0, phase: NodePhase.Draining)) with { MaxNodes = 2 };

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("a-4 is still draining", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_while_a_node_is_launching()
    {
        var district = District("a", Node("a-1", 5), Node("a-2", 5), Node("a-3", 0, phase: NodePhase.Joining));

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("a-3 is launching", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_while_a_node_is_not_responding()
    {
        var district = District("a", Node("a-1", 5), Node("a-2", 5), Node("a-3", 5, responding: false));

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("a-3 is not responding", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_cap_launches_per_district_at_max_concurrent_launches()
    {
        var settings = Eager with { MaxConcurrentLaunches = 3 };
        var district = District("a", [.. Full("a", 20), Node("a-21", 0, phase: NodePhase.Booting)]);

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), settings, T0).For("a"));

        Assert.Equal(2, up.Count);
        Assert.Contains("capped", up.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_district_whose_launches_in_flight_reach_max_concurrent_launches()
    {
        var settings = Eager with { MaxConcurrentLaunches = 2 };
        var district = District("a", [.. Full("a", 20), Node("a-21", 0, phase: NodePhase.Booting), Node("a-22", 0, phase: NodePhase.Requested)]);

        var decision = ScalingPolicy.Decide(Of(district), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("2 launch(es) in flight (max-concurrent-launches 2)", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_cap_launches_at_what_the_cloud_has_left_of_max_concurrent_launches_per_cloud()
    {
        var settings = Eager with { MaxConcurrentLaunches = 10, MaxConcurrentLaunchesPerCloud = 3 };
        var a = District("a", Full("a", 20));
        var b = District("b", Node("b-1", 50), Node("b-2", 0, phase: NodePhase.Booting), Node("b-3", 0, phase: NodePhase.VolumeAttaching))
            with { Profile = "large" };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(a, b), settings, T0).For("a"));

        Assert.Equal(1, up.Count);
    }

    [Fact]
    public void ScalingPolicy_must_hold_every_district_once_the_cloud_has_max_concurrent_launches_per_cloud_in_flight()
    {
        var settings = Eager with { MaxConcurrentLaunches = 10, MaxConcurrentLaunchesPerCloud = 2 };
        var a = District("a", Full("a", 20));
        var b = District("b", Node("b-1", 50), Node("b-2", 0, phase: NodePhase.Booting), Node("b-3", 0, phase: NodePhase.Joining))
            with { Profile = "large" };

        var decision = ScalingPolicy.Decide(Of(a, b), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("the cloud has 2 launches in flight (max-concurrent-launches-per-cloud)", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_share_the_cloud_launch_budget_between_profiles_in_one_evaluation()
    {
        var settings = Eager with { MaxConcurrentLaunches = 10, MaxConcurrentLaunchesPerCloud = 4 };
        var a = District("a", Full("a", 20)) with { Profile = "large" };
        var b = District("b", Full("b", 20));

        var outcome = ScalingPolicy.Decide(Of(a, b), settings, T0);

        var first = Assert.IsType<ScaleUp>(outcome.For("a"));
        Assert.Equal(4, first.Count);
        Assert.IsType<Hold>(outcome.For("b"));
        Assert.Contains("max-concurrent-launches-per-cloud", outcome.For("b").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_once_all_districts_together_are_at_max_nodes_total()
    {
        var settings = Eager with { MaxNodesTotal = 3 };
        var a = District("a", Full("a", 2));
        var b = District("b", Node("b-1", 50)) with { Profile = "large" };

        var decision = ScalingPolicy.Decide(Of(a, b), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("all districts together are at max-nodes-total 3", decision.Reason);
    }
}
