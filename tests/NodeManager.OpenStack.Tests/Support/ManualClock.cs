namespace NodeManager.OpenStack.Tests.Support;

/// <summary>
/// Virtual time for the client and the simulator: timers fire only in <see cref="Advance"/>. Tests wait for
/// the timers they expect (<see cref="WhenTimer"/>) instead of sleeping, then move time past them.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ClockTimer> _timers = [];
    private readonly List<(Func<TimeSpan, bool> Match, int Count, TaskCompletionSource<TimeSpan> Done)> _waiters = [];
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Timers pending now whose requested delay matches.</summary>
    public int Pending(Func<TimeSpan, bool> match)
    {
        lock (_lock) return _timers.Count(t => match(t.Delay));
    }

    /// <summary>Completes (with the delay of the last matching timer) once <paramref name="count"/> matching timers are pending.</summary>
    public Task<TimeSpan> WhenTimer(Func<TimeSpan, bool> match, int count = 1)
    {
        lock (_lock)
        {
            var tcs = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, tcs));
            CheckWaiters();
            return tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock) target = _now + by;
        while (true)
        {
            ClockTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }
                _now = next.Due;
                _timers.Remove(next);
                if (next.Period > TimeSpan.Zero)
                {
                    next.Due = _now + next.Period;
                    _timers.Add(next);
                }
            }
            next.Fire();
        }
    }

    private void Schedule(ClockTimer timer, TimeSpan due, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (due == Timeout.InfiniteTimeSpan) return;
            timer.Delay = due;
            timer.Due = _now + due;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            _timers.Add(timer);
            CheckWaiters();
        }
    }

    private void Remove(ClockTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    private void CheckWaiters()
    {
        foreach (var waiter in _waiters.ToList())
        {
            var matching = _timers.Where(t => waiter.Match(t.Delay)).ToList();
            if (matching.Count < waiter.Count) continue;
            _waiters.Remove(waiter);
            waiter.Done.TrySetResult(matching[^1].Delay);
        }
    }

    private sealed class ClockTimer(ManualClock owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }
        public TimeSpan Delay { get; set; }
        public TimeSpan Period { get; set; }

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
