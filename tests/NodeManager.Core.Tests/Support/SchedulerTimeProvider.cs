using Akka.Actor;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> on an Akka scheduler's clock: with Akka's TestScheduler, the controller's timestamps,
/// the simulators' boot and ready delays and the actors' timers all move together when the spec advances time.
/// </summary>
internal sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => scheduler.Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => scheduler.MonotonicClock.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SchedulerTimer(scheduler, () => callback(state));
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SchedulerTimer(IScheduler scheduler, Action fire) : ITimer
    {
        private readonly Lock _lock = new();
        private ICancelable? _scheduled;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _scheduled?.Cancel();
                _scheduled = null;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                var cancelable = new Cancelable(scheduler);
                if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
                    scheduler.Advanced.ScheduleOnce(dueTime, fire, cancelable);
                else
                    scheduler.Advanced.ScheduleRepeatedly(dueTime, period, fire, cancelable);
                _scheduled = cancelable;
                return true;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _scheduled?.Cancel();
                _scheduled = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
