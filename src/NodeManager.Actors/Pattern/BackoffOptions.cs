namespace NodeManager.Actors;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> re-creates its child: after the n-th consecutive restart
/// it waits <c>min(maxBackoff, minBackoff × 2ⁿ) × (1 + random × randomFactor)</c>. The count
/// goes back to zero once a child has run for the auto-reset time (default: <c>minBackoff</c>).
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        if (minBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "minBackoff must be positive");
        }

        if (maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, "maxBackoff cannot be less than minBackoff");
        }

        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "randomFactor must be between 0 and 1");
        }

        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetBackoff = minBackoff;
    }

    public BackoffMode Mode { get; }

    public Props ChildProps { get; }

    public string ChildName { get; }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    /// <summary>How long a child must run before the restart count is reset.</summary>
    public TimeSpan ResetBackoff { get; private init; }

    /// <summary>
    /// For <see cref="BackoffMode.OnFailure"/>: decides per exception (a Restart becomes a
    /// backed-off restart). For <see cref="BackoffMode.OnStop"/>: supervises the child as usual.
    /// Default: <see cref="SupervisorStrategy.DefaultStrategy"/>.
    /// </summary>
    public SupervisorStrategy Strategy { get; private init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>Restarts the child, after a back-off, when it fails; a child that stops by itself stops the supervisor.</summary>
    public static BackoffOptions OnFailure(Props child, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnFailure, child, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Re-creates the child, after a back-off, whenever it stops (what persistent actors need: they stop on journal failures).</summary>
    public static BackoffOptions OnStop(Props child, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnStop, child, childName, minBackoff, maxBackoff, randomFactor);

    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) =>
        resetBackoff > TimeSpan.Zero
            ? this with { ResetBackoff = resetBackoff }
            : throw new ArgumentOutOfRangeException(nameof(resetBackoff), resetBackoff, "resetBackoff must be positive");

    public BackoffOptions WithSupervisorStrategy(SupervisorStrategy strategy) =>
        this with { Strategy = strategy ?? throw new ArgumentNullException(nameof(strategy)) };

    /// <param name="random">A number in [0, 1).</param>
    public TimeSpan CalculateDelay(int restartCount, double random)
    {
        var jitter = 1.0 + (random * RandomFactor);
        var ticks = restartCount >= 30
            ? MaxBackoff.Ticks
            : Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, restartCount));
        return TimeSpan.FromTicks((long)Math.Min(ticks * jitter, TimeSpan.MaxValue.Ticks));
    }
}

public enum BackoffMode
{
    OnFailure,
    OnStop,
}
