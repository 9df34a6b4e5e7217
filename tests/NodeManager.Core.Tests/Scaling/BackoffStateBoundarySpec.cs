using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>The exhaustion back-off: when it ends, how it doubles, where it stops.</summary>
public sealed class BackoffStateBoundarySpec
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(30);

    [Fact]
    public void BackoffState_must_be_active_until_but_not_at_its_retry_time()
    {
        var backoff = BackoffState.Raise(null, "No valid host", T0, Min, Max);

        Assert.True(backoff.IsActive(T0 + Min - TimeSpan.FromTicks(1)));
        Assert.False(backoff.IsActive(T0 + Min));
    }

    [Fact]
    public void BackoffState_must_start_at_the_minimum_with_one_attempt()
    {
        var backoff = BackoffState.Raise(null, "No valid host", T0, Min, Max);

        Assert.Equal(new BackoffState("No valid host", T0, T0 + Min, 1), backoff);
    }

    [Fact]
    public void BackoffState_must_double_from_the_retry_of_a_repeat_and_keep_when_it_began()
    {
        var first = BackoffState.Raise(null, "Quota exceeded for instances", T0, Min, Max);
        var later = T0.AddMinutes(7);

        var second = BackoffState.Raise(first, "Quota exceeded for cores", later, Min, Max);

        Assert.Equal(new BackoffState("Quota exceeded for cores", T0, later + 2 * Min, 2), second);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 30)]
    [InlineData(60, 30)]
    [InlineData(1000, 30)]
    public void BackoffState_must_double_per_attempt_and_cap_at_the_maximum(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), BackoffState.Delay(attempts, Min, Max));
    }

    [Fact]
    public void BackoffState_must_reach_the_maximum_exactly_when_a_doubling_lands_on_it()
    {
        var max = TimeSpan.FromMinutes(20);

        Assert.Equal(TimeSpan.FromMinutes(10), BackoffState.Delay(2, Min, max));
        Assert.Equal(max, BackoffState.Delay(3, Min, max));
        Assert.Equal(max, BackoffState.Delay(4, Min, max));
    }

    [Fact]
    public void BackoffState_must_treat_no_attempt_as_the_first()
    {
        Assert.Equal(Min, BackoffState.Delay(0, Min, Max));
    }

    [Fact]
    public void BackoffState_must_keep_doubling_a_repeat_within_the_maximum_after_the_previous_ended()
    {
        var first = BackoffState.Raise(null, "No valid host", T0, Min, Max);

        var repeat = BackoffState.Raise(first, "No valid host", first.RetryAt + Max, Min, Max);

        Assert.Equal(2, repeat.Attempts);
        Assert.Equal(T0, repeat.Since);
    }

    [Fact]
    public void BackoffState_must_start_afresh_when_the_previous_back_off_ended_longer_ago_than_the_maximum()
    {
        var previous = new BackoffState("No valid host", T0, T0.AddMinutes(30), 4);
        var later = previous.RetryAt + Max + TimeSpan.FromSeconds(1);

        var fresh = BackoffState.Raise(previous, "No valid host", later, Min, Max);

        Assert.Equal(new BackoffState("No valid host", later, later + Min, 1), fresh);
    }
}
