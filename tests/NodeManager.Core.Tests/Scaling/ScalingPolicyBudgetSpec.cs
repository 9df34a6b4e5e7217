using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>Launches in flight and the cloud-wide budgets, counted over every district and profile at once.</summary>
public sealed class ScalingPolicyBudgetSpec
{
    private static NodeSnapshot Booting(string name) => Node(name, 0, phase: NodePhase.Booting);

    /// <summary>Rule: max-concurrent-launches-per-cloud counts the launches in flight of every district, not of one.</summary>
    [Fact]
    public void ScalingPolicy_must_count_launches_in_flight_in_every_district_against_the_per_cloud_cap()
    {
        var settings = Eager with { MaxConcurrentLaunches = 10, MaxConcurrentLaunchesPerCloud = 3 };
        var x = District("x", Node("x-1", 50), Booting("x-2")) with { Profile = "p1" };
        var y = District("y", Node("y-1", 50), Booting("y-2"), Booting("y-3")) with { Profile = "p2" };
        var hot = District("z", Node("z-1", 95)) with { Profile = "p3" };

        var decision = ScalingPolicy.Decide(Of(x, y, hot), settings, T0).For("z");

        Assert.Equal("profile p3 usage 95% ≥ high-water mark 80% but the cloud has 3 launches in flight (max-concurrent-launches-per-cloud)",
            Assert.IsType<Hold>(decision).Reason);
    }

    /// <summary>Rule: a hot profile's launches in flight in all its districts count against the nodes it still needs.</summary>
    [Fact]
    public void ScalingPolicy_must_subtract_the_launches_in_flight_of_every_district_of_the_profile()
    {
        var settings = Eager with { MaxConcurrentLaunches = 3 };
        // At 100 % the profile wants max-concurrent-launches (3) more nodes; one is in flight in a, two in b.
        var a = District("a", Node("a-1", 100), Booting("a-2"));
        var b = District("b", Node("b-1", 100), Booting("b-2"), Booting("b-3"));

        var outcome = ScalingPolicy.Decide(Of(a, b), settings, T0);

        Assert.All(outcome.Decisions, d => Assert.Equal("profile small usage 100% ≥ high-water mark 80% but launches in flight cover it",
            Assert.IsType<Hold>(d).Reason));
    }

    /// <summary>Rule: when the budget runs short, the districts of a profile below min-nodes are served in name order.</summary>
    [Fact]
    public void ScalingPolicy_must_serve_districts_below_min_nodes_in_name_order_when_the_budget_runs_short()
    {
        var settings = Eager with { MaxNodesTotal = 3 };
        var b = District("b", Node("b-1", 10)) with { MinNodes = 2 };
        var a = District("a", Node("a-1", 10)) with { MinNodes = 2 };

        var outcome = ScalingPolicy.Decide(Of(b, a), settings, T0);

        Assert.Equal(1, Assert.IsType<ScaleUp>(outcome.For("a")).Count);
        Assert.Equal("below min-nodes 2 but all districts together are at max-nodes-total 3", Assert.IsType<Hold>(outcome.For("b")).Reason);
    }

    /// <summary>Rule: max-nodes-total is one budget for all profiles; the first profile's launches use it up, and the cut says so.</summary>
    [Fact]
    public void ScalingPolicy_must_share_max_nodes_total_between_profiles_and_say_when_a_launch_is_capped()
    {
        var settings = Eager with { MaxConcurrentLaunches = 2, MaxNodesTotal = 3 };
        var second = District("b", Node("b-1", 100)) with { Profile = "p2" };
        var first = District("a", Node("a-1", 100)) with { Profile = "p1" };

        var outcome = ScalingPolicy.Decide(Of(second, first), settings, T0);

        var up = Assert.IsType<ScaleUp>(outcome.For("a"));
        Assert.Equal(1, up.Count);
        Assert.EndsWith(": launching 1 node(s) (wanted 2, capped)", up.Reason, StringComparison.Ordinal);
        Assert.Equal("profile p2 usage 100% ≥ high-water mark 80% but all districts together are at max-nodes-total 3",
            Assert.IsType<Hold>(outcome.For("b")).Reason);
    }

    /// <summary>Rule: a launch that gets all it wanted carries no "capped" note.</summary>
    [Fact]
    public void ScalingPolicy_must_not_call_a_launch_capped_when_it_gets_all_it_wanted()
    {
        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(District("a", Node("a-1", 100))), Eager, T0).For("a"));

        Assert.Equal(2, up.Count);
        Assert.EndsWith(": launching 2 node(s)", up.Reason, StringComparison.Ordinal);
    }

    /// <summary>Rule: a profile with no free UIDs anywhere holds with the district-full reason, and raises the condition.</summary>
    [Fact]
    public void ScalingPolicy_must_hold_a_profile_whose_districts_are_all_full_with_the_district_full_reason()
    {
        var full = District("a", Node("a-1", 95)) with { UidsAllocated = 6000 };

        var outcome = ScalingPolicy.Decide(Of(full), Eager, T0);

        Assert.Equal("profile small usage 95% ≥ high-water mark 80% but district full: create a new district for profile small (no district has free UIDs)",
            Assert.IsType<Hold>(outcome.For("a")).Reason);
        Assert.Equal("district-full", Assert.Single(outcome.Conditions).Type);
    }

    /// <summary>Rule: oldest and newest drain selection skip a node with no Active time, and the reason says which was picked.</summary>
    [Theory]
    [InlineData(DrainSelection.Oldest, "d-2", "oldest")]
    [InlineData(DrainSelection.Newest, "d-3", "newest")]
    public void ScalingPolicy_must_drain_by_Active_time_leaving_a_node_with_none_last(DrainSelection selection, string drained, string word)
    {
        var older = T0.AddHours(-3);
        var newer = T0.AddHours(-1);
        var district = District("d",
            new NodeSnapshot("d-1", 5, 100, true, NodePhase.Active),
            new NodeSnapshot("d-2", 5, 100, true, NodePhase.Active, ActiveSince: older),
            new NodeSnapshot("d-3", 5, 100, true, NodePhase.Active, ActiveSince: newer));

        var down = Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), Eager with { DrainSelection = selection }, T0).For("d"));

        Assert.Equal(drained, down.Node);
        Assert.EndsWith($"; draining {drained} ({word}, active since {(drained == "d-2" ? older : newer):u})", down.Reason, StringComparison.Ordinal);
    }

    /// <summary>Rule: decisions are journaled and shown under these kind words; renaming one breaks the journal and the API.</summary>
    [Fact]
    public void ScalingDecision_kinds_must_read_as_the_journal_and_the_API_spell_them()
    {
        Assert.Equal(["scale-up", "scale-down", "hold"],
            new ScalingDecision[] { new ScaleUp("d", 1, ""), new ScaleDown("d", "n", ""), new Hold("d", "") }.Select(d => d.Kind));
    }
}
