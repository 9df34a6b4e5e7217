using FsCheck;
using FsCheck.Fluent;
using NodeManager.TestKit;

namespace NodeManager.Actors.Tests.Testing;

public sealed class VirtualTimeProviderSpec
{
    [Fact]
    public void Advance_must_fire_due_timers_in_due_time_order_with_the_clock_at_each_due_time()
    {
        Prop.ForAll(
                Gen.ArrayOf(Gen.Choose(0, 1_000)).ToArbitrary(),
                dueSeconds =>
                {
                    var time = new VirtualTimeProvider();
                    var start = time.GetUtcNow();
                    var fired = new List<(int Due, TimeSpan At)>();
                    foreach (var due in dueSeconds)
                    {
                        time.CreateTimer(_ => fired.Add((due, time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(due), Timeout.InfiniteTimeSpan);
                    }

                    time.Advance(TimeSpan.FromSeconds(500));

                    var expected = dueSeconds.Where(d => d <= 500).Order().ToList();
                    return fired.Select(f => f.Due).SequenceEqual(expected)
                        && fired.All(f => f.At == TimeSpan.FromSeconds(f.Due))
                        && time.GetUtcNow() - start == TimeSpan.FromSeconds(500)
                        && time.ActiveTimers == dueSeconds.Count(d => d > 500);
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_periodic_timer_must_fire_once_per_period_passed()
    {
        var time = new VirtualTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(10, count);
    }

    [Fact]
    public async Task WhenTimer_must_complete_once_a_matching_timer_is_set_from_another_thread()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        var waiting = time.WhenTimer(d => d >= TimeSpan.FromSeconds(5), count: 2);
        using var unrelated = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.False(waiting.IsCompleted);

        var timers = await Task.Run(() => new[]
        {
            time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan),
            time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan),
        });

        Assert.Equal(TimeSpan.FromSeconds(7), await waiting);
        Assert.Equal(2, time.Pending(d => d >= TimeSpan.FromSeconds(5)));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(2, fired);
        Assert.Equal(0, time.Pending(d => d >= TimeSpan.FromSeconds(5)));
        foreach (var timer in timers) timer.Dispose();
    }

    [Fact]
    public void A_disposed_timer_must_not_fire()
    {
        var time = new VirtualTimeProvider();
        var fired = false;
        var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(fired);
    }

    [Fact]
    public async Task Task_Delay_on_virtual_time_must_complete_only_when_advanced()
    {
        var time = new VirtualTimeProvider();

        var delay = Task.Delay(TimeSpan.FromMinutes(5), time);
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(5));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
