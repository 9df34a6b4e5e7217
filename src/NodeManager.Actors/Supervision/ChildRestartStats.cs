namespace NodeManager.Actors;

/// <summary>A child as its parent keeps it: the reference, whether it is stopping, and its restart window.</summary>
internal sealed class ChildRestartStats(IActorRef child)
{
    private int _restartsInWindow;
    private long _windowStart;

    public IActorRef Child { get; } = child;

    public bool IsStopping { get; set; }

    /// <summary>
    /// Akka's rule: a negative <paramref name="maxNrOfRetries"/> means unlimited, zero means never;
    /// with a window, at most that many restarts within any window that started at the first of them.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var windowed = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (maxNrOfRetries < 0 && !windowed)
        {
            return true;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        if (!windowed)
        {
            return ++_restartsInWindow <= retries;
        }

        var now = time.GetTimestamp();
        if (_restartsInWindow == 0 || time.GetElapsedTime(_windowStart, now) > withinTimeRange)
        {
            _windowStart = now;
            _restartsInWindow = 1;
            return true;
        }

        return ++_restartsInWindow <= retries;
    }
}
