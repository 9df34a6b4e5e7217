namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// Real time, <see cref="Factor"/> times faster: now advances by Factor seconds per wall-clock second, and timers
/// fire after their due time divided by Factor. For end-to-end runs with real sockets, where virtual time cannot
/// know when the I/O in flight has settled.
/// </summary>
/// <param name="start">What now is at construction; a restarted run passes where the previous run's clock stopped.</param>
internal sealed class FastClock(double factor, DateTimeOffset? start = null) : TimeProvider
{
    private readonly DateTimeOffset _start = start ?? System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public double Factor { get; } = factor;

    public override DateTimeOffset GetUtcNow() => _start + Scale(System.GetElapsedTime(_startTimestamp));

    public override long GetTimestamp() => _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * Factor);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Scale(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Factor));

    private TimeSpan Shrink(TimeSpan due) => due == Timeout.InfiniteTimeSpan ? due : TimeSpan.FromTicks((long)(due.Ticks / Factor));

    private sealed class ScaledTimer(ITimer inner, FastClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
