using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>Which district of a hot profile takes the launch, and how the reasons read.</summary>
public sealed class ScalingPolicyDistrictChoiceSpec
{
    [Fact]
    public void ScalingPolicy_must_scale_up_a_district_with_free_uids_when_another_of_the_profile_is_full()
    {
        var full = District("a", Node("a-1", 95)) with { UidsAllocated = 6000 };
        var free = District("b", Node("b-1", 95)) with { UidsAllocated = 5999 };

        var outcome = ScalingPolicy.Decide(Of(full, free), Eager, T0);

        Assert.IsType<ScaleUp>(outcome.For("b"));
        Assert.Empty(outcome.Conditions);
    }

    [Fact]
    public void ScalingPolicy_must_never_launch_into_a_full_district_even_when_the_others_are_blocked()
    {
        var blocked = District("a", Node("a-1", 95)) with { Paused = true };
        var full = District("b", Node("b-1", 95)) with { UidsAllocated = 6000 };

        var outcome = ScalingPolicy.Decide(Of(blocked, full), Eager, T0);

        Assert.All(outcome.Decisions, d => Assert.IsType<Hold>(d));
        Assert.Contains("it is paused by operator", outcome.For("a").Reason);
        Assert.Contains("it has no free UIDs", outcome.For("b").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_hold_a_hot_profile_whose_districts_with_free_uids_already_act()
    {
        var belowMin = District("a", Node("a-1", 95)) with { MinNodes = 2 };
        var full = District("b", Node("b-1", 95)) with { UidsAllocated = 6000 };

        var outcome = ScalingPolicy.Decide(Of(belowMin, full), Eager, T0);

        Assert.IsType<ScaleUp>(outcome.For("a"));
        Assert.Contains("its districts with free UIDs are already acting", outcome.For("b").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_choose_by_name_between_districts_with_as_many_free_uids()
    {
        var outcome = ScalingPolicy.Decide(Of(District("b", Node("b-1", 95)), District("a", Node("a-1", 95))), Eager, T0);

        Assert.IsType<ScaleUp>(outcome.For("a"));
        Assert.Equal(["b", "a"], outcome.Decisions.Select(d => d.District));
    }

    [Fact]
    public void ScalingPolicy_must_judge_each_profile_on_its_own_usage()
    {
        var hot = District("a", Node("a-1", 95));
        var cold = District("b", Node("b-1", 5), Node("b-2", 5)) with { Profile = "large" };

        var outcome = ScalingPolicy.Decide(Of(hot, cold), Eager, T0);

        Assert.IsType<ScaleUp>(outcome.For("a"));
        Assert.IsType<ScaleDown>(outcome.For("b"));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(3660, "61m")]
    [InlineData(-5, "0s")]
    public void ScalingPolicy_must_write_durations_in_reasons_the_way_operators_configure_them(int seconds, string expected)
    {
        Assert.Equal(expected, ScalingPolicy.Fmt(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void ScalingPolicy_must_write_percentages_with_at_most_one_decimal()
    {
        Assert.Equal("77.5%", ScalingPolicy.Pct(77.5));
        Assert.Equal("80%", ScalingPolicy.Pct(80));
        Assert.Equal("33.3%", ScalingPolicy.Pct(100.0 / 3));
    }
}
