namespace NodeManager.Core.Scaling;

/// <summary>
/// An "exhausted" condition: the cloud said no (quota or no valid host) and launches wait until <see cref="RetryAt"/>.
/// <see cref="Attempts"/> counts consecutive exhaustions; the delay doubles per attempt up to the maximum.
/// </summary>
public sealed record BackoffState(string Message, DateTimeOffset Since, DateTimeOffset RetryAt, int Attempts)
{
    public bool IsActive(DateTimeOffset now) => now < RetryAt;

    /// <summary>
    /// The next back-off after another exhaustion at <paramref name="now"/>: doubled from <paramref name="previous"/>
    /// while that one is recent, the first one (<paramref name="min"/>) when there is none or it ended more than
    /// <paramref name="max"/> ago — capacity came back for longer than any back-off lasts, so this is a new exhaustion.
    /// </summary>
    public static BackoffState Raise(BackoffState? previous, string message, DateTimeOffset now, TimeSpan min, TimeSpan max)
    {
        if (previous is not null && now - previous.RetryAt > max) previous = null;
        var attempts = (previous?.Attempts ?? 0) + 1;
        var delay = Delay(attempts, min, max);
        return new BackoffState(message, previous?.Since ?? now, now + delay, attempts);
    }

    /// <summary><paramref name="min"/> doubled <c>attempts - 1</c> times, never above <paramref name="max"/>.</summary>
    public static TimeSpan Delay(int attempts, TimeSpan min, TimeSpan max)
    {
        var ticks = (double)min.Ticks * Math.Pow(2, Math.Max(0, attempts - 1));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
