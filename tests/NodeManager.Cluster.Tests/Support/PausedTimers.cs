namespace NodeManager.Cluster.Tests.Support;

/// <summary>
/// A process that does not run: its clock moves (the spec's virtual clock) but none of its timers fire, as under
/// SIGSTOP or a long pause. What the lease reads after such a pause must come from the clock alone.
/// </summary>
internal sealed class PausedTimers(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

    private sealed class NeverFires : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
