using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>Cool-downs and sustained-for windows, each on both sides of its end.</summary>
public sealed class ScalingPolicyCooldownSpec
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void ScalingPolicy_must_not_scale_up_within_the_scale_up_cooldown()
    {
        var settings = Eager with { ScaleUpCooldown = Minute };
        var district = District("a", Node("a-1", 95)) with { LastScaleUpAt = T0 - Minute + Second };

        var decision = ScalingPolicy.Decide(Of(district), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Contains("within 1m scale-up cool-down", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_scale_up_again_once_the_scale_up_cooldown_has_passed()
    {
        var settings = Eager with { ScaleUpCooldown = Minute };
        var district = District("a", Node("a-1", 95)) with { LastScaleUpAt = T0 - Minute };

        Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), settings, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_launch_up_to_min_nodes_even_within_the_scale_up_cooldown()
    {
        var settings = Eager with { ScaleUpCooldown = Minute };
        var district = District("a", Node("a-1", 10)) with { MinNodes = 2, LastScaleUpAt = T0 - Second };

        var up = Assert.IsType<ScaleUp>(ScalingPolicy.Decide(Of(district), settings, T0).For("a"));

        Assert.Equal(1, up.Count);
    }

    [Fact]
    public void ScalingPolicy_must_scale_up_another_district_of_the_profile_during_ones_cooldown()
    {
        var settings = Eager with { ScaleUpCooldown = Minute };
        var a = District("a", Node("a-1", 95)) with { LastScaleUpAt = T0 - Second, UidsAllocated = 0 };
        var b = District("b", Node("b-1", 95));

        var outcome = ScalingPolicy.Decide(Of(a, b), settings, T0);

        Assert.IsType<ScaleUp>(outcome.For("b"));
        Assert.IsType<Hold>(outcome.For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_not_scale_down_within_the_scale_down_cooldown()
    {
        var settings = Eager with { ScaleDownCooldown = 5 * Minute };
        var district = District("a", Node("a-1", 5), Node("a-2", 5)) with { LastScaleDownAt = T0 - 5 * Minute + Second };

        var decision = ScalingPolicy.Decide(Of(district), settings, T0).For("a");

        Assert.IsType<Hold>(decision);
        Assert.Equal("not scaling down: within 5m of last scale-down", decision.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_again_once_the_scale_down_cooldown_has_passed()
    {
        var settings = Eager with { ScaleDownCooldown = 5 * Minute };
        var district = District("a", Node("a-1", 5), Node("a-2", 5)) with { LastScaleDownAt = T0 - 5 * Minute };

        Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(district), settings, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_once_the_delay_after_a_scale_up_has_passed()
    {
        var settings = Eager with { ScaleDownDelayAfterAdd = 10 * Minute };
        var within = District("a", Node("a-1", 5), Node("a-2", 5)) with { LastScaleUpAt = T0 - 10 * Minute + Second };
        var after = within with { LastScaleUpAt = T0 - 10 * Minute };

        Assert.IsType<Hold>(ScalingPolicy.Decide(Of(within), settings, T0).For("a"));
        Assert.IsType<ScaleDown>(ScalingPolicy.Decide(Of(after), settings, T0).For("a"));
    }

    [Fact]
    public void ScalingPolicy_must_scale_up_once_usage_stayed_high_for_exactly_the_sustained_window()
    {
        var settings = Eager with { ScaleUpSustainedFor = Minute };
        var snapshot = Of(District("a", Node("a-1", 95)));
        var first = ScalingPolicy.Decide(snapshot, settings, T0);

        var justBefore = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0 + Minute - Second).For("a");
        var atTheEnd = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0 + Minute).For("a");

        Assert.IsType<Hold>(justBefore);
        Assert.Contains("for 59s of 1m", justBefore.Reason);
        Assert.IsType<ScaleUp>(atTheEnd);
        Assert.Contains("for 1m", atTheEnd.Reason);
    }

    [Fact]
    public void ScalingPolicy_must_remember_since_when_a_profile_runs_hot()
    {
        var settings = Eager with { ScaleUpSustainedFor = Minute };
        var snapshot = Of(District("a", Node("a-1", 95)));

        var first = ScalingPolicy.Decide(snapshot, settings, T0);
        var second = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0 + 30 * Second);

        Assert.Equal(T0, first.Memory.HotSince["small"]);
        Assert.Equal(T0, second.Memory.HotSince["small"]);
        Assert.Empty(second.Memory.ColdSince);
    }

    [Fact]
    public void ScalingPolicy_must_scale_down_once_usage_stayed_low_for_exactly_the_unneeded_time()
    {
        var settings = Eager with { ScaleDownUnneededTime = 10 * Minute };
        var snapshot = Of(District("a", Node("a-1", 5), Node("a-2", 5)));
        var first = ScalingPolicy.Decide(snapshot, settings, T0);

        var justBefore = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0 + 10 * Minute - Second).For("a");
        var atTheEnd = ScalingPolicy.Decide(snapshot with { Memory = first.Memory }, settings, T0 + 10 * Minute).For("a");

        Assert.IsType<Hold>(justBefore);
        Assert.Contains("for 9m59s of 10m", justBefore.Reason);
        Assert.IsType<ScaleDown>(atTheEnd);
        Assert.Equal(T0, first.Memory.ColdSince["a"]);
    }

    [Fact]
    public void ScalingPolicy_must_forget_a_cold_spell_once_usage_rises()
    {
        var settings = Eager with { ScaleDownUnneededTime = 10 * Minute };
        var cold = ScalingPolicy.Decide(Of(District("a", Node("a-1", 5), Node("a-2", 5))), settings, T0);
        var warm = ScalingPolicy.Decide(Of(District("a", Node("a-1", 50), Node("a-2", 50))) with { Memory = cold.Memory }, settings, T0 + Minute);
        var coldAgain = ScalingPolicy.Decide(Of(District("a", Node("a-1", 5), Node("a-2", 5))) with { Memory = warm.Memory }, settings, T0 + 11 * Minute);

        Assert.Empty(warm.Memory.ColdSince);
        Assert.IsType<Hold>(coldAgain.For("a"));
        Assert.Contains("for 0s of 10m", coldAgain.For("a").Reason);
    }

    [Fact]
    public void ScalingPolicy_must_forget_a_cold_spell_while_the_district_is_judged_for_scale_up()
    {
        var settings = Eager with { ScaleDownUnneededTime = 10 * Minute };
        var cold = ScalingPolicy.Decide(Of(District("a", Node("a-1", 5), Node("a-2", 5))), settings, T0);

        var belowMin = ScalingPolicy.Decide(Of(District("a", Node("a-1", 5), Node("a-2", 5)) with { MinNodes = 3 }) with { Memory = cold.Memory },
            settings, T0 + Minute);

        Assert.IsType<ScaleUp>(belowMin.For("a"));
        Assert.Empty(belowMin.Memory.ColdSince);
    }

    [Fact]
    public void ScalingPolicy_must_forget_the_hot_spell_of_a_profile_no_district_has_any_more()
    {
        var memory = PolicyMemory.Empty with
        {
            HotSince = PolicyMemory.Empty.HotSince.Add("gone", T0 - Minute).Add("small", T0 - Minute),
        };

        var outcome = ScalingPolicy.Decide(Of(District("a", Node("a-1", 95))) with { Memory = memory }, Eager, T0);

        Assert.Equal(["small"], outcome.Memory.HotSince.Keys);
        Assert.Equal(T0 - Minute, outcome.Memory.HotSince["small"]);
    }
}
