using NodeManager.Core.Districts;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Core.Tests.Districts;

/// <summary>The safety lines of operator actions: overrides win until cleared, protection and pause are honoured, drains only of Active nodes.</summary>
public sealed class OverrideRulesSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DistrictSettings File = new(1, 5, ["d1-9.example.com"], Paused: false);
    private static readonly DistrictSettings PausedFile = File with { Paused = true };
    private static readonly DistrictState Plain = new("d1");

    [Fact]
    public void Effective_settings_must_be_the_file_s_without_overrides()
    {
        var effective = OverrideRules.Effective(File, Plain);

        Assert.Equal(1, effective.MinNodes);
        Assert.Equal(5, effective.MaxNodes);
        Assert.False(effective.Paused);
        Assert.Equal(["d1-9.example.com"], effective.ScaleInProtected);
    }

    [Fact]
    public void Effective_settings_must_take_the_operator_s_bounds_pause_and_protection_over_the_file_s()
    {
        var state = Plain
            .Apply(new BoundsSet(2, 8, "ops", "peak", T0))
            .Apply(new ScalingPaused(true, "ops", null, T0))
            .Apply(new NodeProtected("d1-2.example.com", "ops", "debugging", T0));

        var effective = OverrideRules.Effective(File, state);

        Assert.Equal(2, effective.MinNodes);
        Assert.Equal(8, effective.MaxNodes);
        Assert.True(effective.Paused);
        Assert.Equal(["d1-9.example.com", "d1-2.example.com"], effective.ScaleInProtected);
    }

    [Fact]
    public void A_resume_override_must_win_over_a_file_that_pauses()
    {
        var state = Plain.Apply(new ScalingResumed(false, "ops", null, T0));

        Assert.False(OverrideRules.Effective(PausedFile, state).Paused);
    }

    [Fact]
    public void Cleared_overrides_must_give_the_file_s_values_back()
    {
        var state = Plain
            .Apply(new BoundsSet(2, 8, "ops", null, T0))
            .Apply(new NodeProtected("d1-2.example.com", "ops", null, T0))
            .Apply(new BoundsCleared("ops", null, T0))
            .Apply(new NodeUnprotected("d1-2.example.com", "ops", null, T0));

        var effective = OverrideRules.Effective(File, state);

        Assert.Equal((1, 5), (effective.MinNodes, effective.MaxNodes));
        Assert.Equal(["d1-9.example.com"], effective.ScaleInProtected);
    }

    [Fact]
    public void Pause_must_set_an_override_only_where_the_file_does_not_pause_already()
    {
        Assert.Equal((true, (bool?)true), OverrideRules.Pause(File, Plain));
        Assert.Equal((false, (bool?)null), OverrideRules.Pause(PausedFile, Plain));
        // Paused by the file but resumed by an operator: pausing again clears the operator's resume.
        Assert.Equal((true, (bool?)null), OverrideRules.Pause(PausedFile, Plain.Apply(new ScalingResumed(false, "ops", null, T0))));
        Assert.Equal((false, (bool?)true), OverrideRules.Pause(File, Plain.Apply(new ScalingPaused(true, "ops", null, T0))));
    }

    [Fact]
    public void Resume_must_change_only_a_paused_district()
    {
        Assert.Equal((false, (bool?)null), OverrideRules.Resume(File, Plain));
        Assert.Equal((true, (bool?)false), OverrideRules.Resume(PausedFile, Plain));
        Assert.Equal((true, (bool?)null), OverrideRules.Resume(File, Plain.Apply(new ScalingPaused(true, "ops", null, T0))));
        Assert.Equal((false, (bool?)false), OverrideRules.Resume(PausedFile, Plain.Apply(new ScalingResumed(false, "ops", null, T0))));
    }

    [Theory]
    [InlineData(1, 5, null)]
    [InlineData(0, 0, null)]
    [InlineData(3, 3, null)]
    [InlineData(4, 3, "min (4) must be ≤ max (3)")]
    [InlineData(-1, 3, "min must be ≥ 0, got -1")]
    [InlineData(0, -1, "max must be ≥ 0, got -1")]
    [InlineData(null, 3, "bounds need both \"min\" and \"max\" (integers)")]
    [InlineData(1, null, "bounds need both \"min\" and \"max\" (integers)")]
    public void Bounds_must_be_non_negative_with_min_at_most_max(int? min, int? max, string? error)
    {
        Assert.Equal(error, OverrideRules.BoundsError(min, max));
    }

    [Fact]
    public void Bounds_must_change_only_when_they_differ_from_the_operator_s_current_ones()
    {
        var state = Plain.Apply(new BoundsSet(2, 8, "ops", null, T0));

        Assert.True(OverrideRules.BoundsChange(Plain, 1, 5));
        Assert.False(OverrideRules.BoundsChange(state, 2, 8));
        Assert.True(OverrideRules.BoundsChange(state, 3, 8));
        Assert.True(OverrideRules.BoundsChange(state, 2, 7));
    }

    [Fact]
    public void A_drain_must_be_allowed_only_of_an_Active_node_nobody_protects()
    {
        var effective = OverrideRules.Effective(File, Plain.Apply(new NodeProtected("d1-2.example.com", "ops", null, T0)));

        Assert.Null(OverrideRules.DrainRefusal("d1-1.example.com", NodePhase.Active, effective));
        Assert.Equal("d1-1.example.com is Booting, not Active", OverrideRules.DrainRefusal("d1-1.example.com", NodePhase.Booting, effective));
        Assert.Equal("d1-1.example.com is Draining, not Active", OverrideRules.DrainRefusal("d1-1.example.com", NodePhase.Draining, effective));
        Assert.Equal("d1-1.example.com is not a node this district manages", OverrideRules.DrainRefusal("d1-1.example.com", null, effective));
        Assert.Equal("d1-2.example.com is scale-in protected", OverrideRules.DrainRefusal("d1-2.example.com", NodePhase.Active, effective));
        Assert.Equal("d1-9.example.com is scale-in protected", OverrideRules.DrainRefusal("d1-9.example.com", NodePhase.Active, effective));
    }

    [Fact]
    public void Retry_and_forget_must_apply_only_to_a_Failed_node()
    {
        Assert.Null(OverrideRules.FailedOnlyRefusal("d1-1.example.com", NodePhase.Failed, "retried"));
        Assert.Equal("d1-1.example.com is Active, not Failed: only a Failed node can be retried",
            OverrideRules.FailedOnlyRefusal("d1-1.example.com", NodePhase.Active, "retried"));
        Assert.Equal("d1-1.example.com is Reclaimed, not Failed: only a Failed node can be forgotten",
            OverrideRules.FailedOnlyRefusal("d1-1.example.com", NodePhase.Reclaimed, "forgotten"));
    }

    [Fact]
    public void A_retry_must_never_take_the_district_past_its_effective_max_nodes()
    {
        var effective = OverrideRules.Effective(File, Plain.Apply(new BoundsSet(0, 2, "ops", null, T0)));

        Assert.Null(OverrideRules.RetryCapacityRefusal(1, effective));
        Assert.Equal("the district already has 2 live node(s), its max-nodes is 2", OverrideRules.RetryCapacityRefusal(2, effective));
        Assert.NotNull(OverrideRules.RetryCapacityRefusal(3, effective));
    }

    [Fact]
    public void Protection_must_name_the_operator_first_then_the_file()
    {
        var state = Plain.Apply(new NodeProtected("d1-2.example.com", "ops", null, T0)).Apply(new NodeProtected("d1-9.example.com", "oncall", null, T0));
        var effective = OverrideRules.Effective(File, state);

        Assert.Equal("operator:ops", OverrideRules.ProtectedBy("d1-2.example.com", effective, state));
        Assert.Equal("operator:oncall", OverrideRules.ProtectedBy("d1-9.example.com", effective, state));
        Assert.Equal("file", OverrideRules.ProtectedBy("d1-9.example.com", File, Plain));
        Assert.Null(OverrideRules.ProtectedBy("d1-1.example.com", effective, state));
    }

    [Fact]
    public void Operator_protected_hosts_must_follow_the_file_s_in_name_order()
    {
        var state = Plain
            .Apply(new NodeProtected("d1-3.example.com", "ops", null, T0))
            .Apply(new NodeProtected("d1-1.example.com", "ops", null, T0))
            .Apply(new NodeProtected("d1-9.example.com", "ops", null, T0));

        Assert.Equal(["d1-9.example.com", "d1-1.example.com", "d1-3.example.com"], OverrideRules.Effective(File, state).ScaleInProtected);
    }

    [Fact]
    public void Every_rule_must_refuse_a_missing_settings_or_state()
    {
        Assert.Throws<ArgumentNullException>(() => OverrideRules.Effective(null!, Plain));
        Assert.Throws<ArgumentNullException>(() => OverrideRules.Effective(File, null!));
        Assert.Throws<ArgumentNullException>(() => OverrideRules.DrainRefusal("h", NodePhase.Active, null!));
        Assert.Throws<ArgumentNullException>(() => OverrideRules.RetryCapacityRefusal(0, null!));
        Assert.Throws<ArgumentNullException>(() => OverrideRules.ProtectedBy("h", null!, Plain));
        Assert.Throws<ArgumentNullException>(() => OverrideRules.ProtectedBy("h", File, null!));
    }
}
