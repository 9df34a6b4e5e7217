namespace NodeManager.Testing;

/// <summary>
/// A clock that moves only when told to. <see cref="Advance"/> fires every timer that falls due,
/// in due-time order (creation order on ties), on the calling thread, with the clock set to each
/// timer's due time while it runs. Usable on its own wherever a <see cref="TimeProvider"/> is taken.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly List<TimerWaiter> _waiters = [];
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

    /// <summary>Timers scheduled now whose requested delay matches.</summary>
    public int Pending(Func<TimeSpan, bool> delayMatches)
    {
        lock (_lock)
        {
            return _timers.Count(t => delayMatches(t.Delay));
        }
    }

    /// <summary>
    /// Completes, with the requested delay of the last matching timer, once <paramref name="count"/> timers whose
    /// delay matches are scheduled. Code under test that sets a timer from another thread (a retry back-off, a
    /// poll interval) is awaited this way instead of slept on; then <see cref="Advance"/> moves past it.
    /// Fails after <paramref name="timeout"/> of real time (default 30 s) so a timer that never comes fails the test.
    /// </summary>
    public Task<TimeSpan> WhenTimer(Func<TimeSpan, bool> delayMatches, int count = 1, TimeSpan? timeout = null)
    {
        var waiter = new TimerWaiter(delayMatches, count);
        lock (_lock)
        {
            _waiters.Add(waiter);
            ReleaseWaiters();
        }

        return waiter.Done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
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

            timer.Delay = dueTime;
            timer.Due = Interlocked.Read(ref _now) + Math.Max(0, dueTime.Ticks);
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = _nextSequence++;
            _timers.Add(timer);
            ReleaseWaiters();
        }
    }

    // Called under _lock.
    private void ReleaseWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var waiter = _waiters[i];
            var matching = _timers.Where(t => waiter.DelayMatches(t.Delay)).ToList();
            if (matching.Count < waiter.Count)
            {
                continue;
            }

            _waiters.RemoveAt(i);
            waiter.Done.TrySetResult(matching[^1].Delay);
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

        /// <summary>The delay the timer was last set with, as the code under test asked for it.</summary>
        public TimeSpan Delay { get; set; }

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

    private sealed record TimerWaiter(Func<TimeSpan, bool> DelayMatches, int Count)
    {
        public TaskCompletionSource<TimeSpan> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
