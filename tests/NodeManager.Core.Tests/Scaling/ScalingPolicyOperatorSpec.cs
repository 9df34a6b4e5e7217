using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>What an operator sets: a paused district, scale-in protection, nodes named to drain.</summary>
public sealed class ScalingPolicyOperatorSpec
{
    [Fact]
    public void ScalingPolicy_must_hold_a_paused_district()
    {
        var hot = District("a", Node("a-1", 95)) with { Paused = true };
        var belowMin = District("a", Node("a-1", 50)) with { Paused = true, MinNodes = 3 };
        var cold = District("a", Node("a-1", 5), Node("a-2", 5)) with { Paused = true };
        var overMax = District("a", Node("a-1", 50), Node("a-2", 50), Node("a-3", 50)) with { Paused = true, MaxNodes = 1 };

        var decisions = new[] { hot, belowMin, cold, overMax }.Select(d => ScalingPolicy.Decide(Of(d), Eager, T0).For("a")).ToList();

        Assert.All(decisions, d => Assert.IsType<Hold>(d));
        Assert.All(decisions, d => Assert.Contains("paused by operator", d.Reason));
    }

    [Fact]
    public void ScalingPolicy_must_scale_up_the_unpaused_district_of_a_hot_profile()
    {
        var paused = District("a", Node("a-1", 95)) with { Paused = true, UidsAllocated = 0 };
        var open = District("b", Node("b-1", 95));

        var outcome = ScalingPolicy.Decide(Of(paused, open), Eager, T0);

        Assert.IsType<ScaleUp>(outcome.For("b"));
        Assert.IsType<Hold>(outcome.For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_never_drain_a_scale_in_protected_node()
    {
        var district = District("a", Node("a-1", 1, protectedNode: true), Node("a-2", 5), Node("a-3", 20));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal("a-2", down.Node);
    }

    [Theory]
    [InlineData(DrainSelection.FewestGears)]
    [InlineData(DrainSelection.Oldest)]
    [InlineData(DrainSelection.Newest)]
    public void ScalingPolicy_must_skip_a_scale_in_protected_node_whatever_the_drain_selection(DrainSelection selection)
    {
        // a-2 is the node each selection would pick first; it is protected, so another one goes.
        var district = District("a",
            Node("a-1", 9, activeSince: T0.AddHours(-3)),
            Node("a-2", 1, activeSince: selection == DrainSelection.Newest ? T0.AddHours(-1) : T0.AddHours(-4), protectedNode: true),
            Node("a-3", 5, activeSince: T0.AddHours(-2)),
            Node("a-4", 10, activeSince: selection == DrainSelection.Newest ? T0.AddHours(-5) : T0.AddHours(-0.5)));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager with { DrainSelection = selection }, T0).For("a"));

        Assert.NotEqual("a-2", down.Node);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_an_operator_named_node_that_is_protected()
    {
        var district = District("a", Node("a-1", 5, protectedNode: true), Node("a-2", 20)) with { DrainRequests = ["a-1"] };

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal("a-2", down.Node);
        Assert.DoesNotContain("operator-named", down.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_when_only_protected_nodes_are_left_to_drain()
    {
        var district = District("a", Node("a-1", 1, protectedNode: true), Node("a-2", 2, protectedNode: true));

        var decision = ScalingPolicy.Decide(Of(district), Eager, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("no node is drainable", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_drain_the_first_drainable_node_an_operator_named()
    {
        var district = District("a", Node("a-1", 1), Node("a-2", 20), Node("a-3", 10)) with { DrainRequests = ["a-9", "a-3", "a-2"] };

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal("a-3", down.Node);
        Assert.EndsWith("draining a-3 (operator-named)", down.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ScalingPolicy_must_break_ties_between_equally_loaded_nodes_by_name()
    {
        var district = District("a", Node("a-3", 5), Node("a-1", 5), Node("a-2", 5));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager, T0).For("a"));

        Assert.Equal("a-1", down.Node);
        Assert.Contains("fewest gears: 5", down.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_not_drain_a_node_that_is_not_responding_or_not_Active()
    {
        var candidate = DrainCandidates.Pick(
            District("a", Node("a-1", 1, responding: false), Node("a-2", 2, phase: NodePhase.Joining), Node("a-3", 3)), DrainSelection.FewestGears);

        Assert.Equal("a-3", candidate!.Name);
    }
}
