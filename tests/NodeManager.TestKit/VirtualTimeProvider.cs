namespace NodeManager.TestKit;

/// <summary>
/// A clock that moves only when told to. <see cref="Advance"/> fires every timer that falls due,
/// in due-time order (creation order on ties), on the calling thread, with the clock set to each
/// timer's due time while it runs. Usable on its own wherever a <see cref="TimeProvider"/> is taken.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly DateTimeOffset _epoch;
    private long _now; // ticks since the epoch
    private long _nextSequence;

    public VirtualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public VirtualTimeProvider(DateTimeOffset start) => _epoch = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are scheduled and not disposed.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _epoch.AddTicks(Interlocked.Read(ref _now));

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing due timers in order.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward");
        }

        var target = Interlocked.Read(ref _now) + by.Ticks;
        while (TakeNextDue(target) is { } due)
        {
            due.Fire();
        }

        Interlocked.Exchange(ref _now, target);
    }

    private VirtualTimer? TakeNextDue(long target)
    {
        lock (_lock)
        {
            VirtualTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due <= target && (next is null || (timer.Due, timer.Sequence).CompareTo((next.Due, next.Sequence)) < 0))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                return null;
            }

            Interlocked.Exchange(ref _now, Math.Max(next.Due, Interlocked.Read(ref _now)));
            if (next.Period > 0)
            {
                next.Due += next.Period;
                next.Sequence = _nextSequence++;
            }
            else
            {
                _timers.Remove(next);
            }

            return next;
        }
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = Interlocked.Read(ref _now) + Math.Max(0, dueTime.Ticks);
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = _nextSequence++;
            _timers.Add(timer);
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; }

        public long Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
