namespace NodeManager.Core.Scaling;

/// <summary>
/// The knobs of <see cref="ScalingPolicy"/> (<c>node-manager.scaling</c>). Percentages are of max active gears.
/// </summary>
public sealed partial record ScalingSettings
{
    /// <summary>Scale up when active-gear usage is at or above this (percent; the original PROFILE_THRESHOLD).</summary>
    public double HighWaterMark { get; init; } = 80;

    /// <summary>Scale down when usage is at or below this (percent). Must be below <see cref="HighWaterMark"/>: the gap is the hysteresis.</summary>
    public double LowWaterMark { get; init; } = 40;

    /// <summary>How long usage must stay at or above the high-water mark before a scale-up.</summary>
    public TimeSpan ScaleUpSustainedFor { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long usage must stay at or below the low-water mark before a scale-down.</summary>
    public TimeSpan ScaleDownUnneededTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>No scale-down of a district within this long after its last scale-up.</summary>
    public TimeSpan ScaleDownDelayAfterAdd { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>No further scale-up of a district within this long after its last scale-up.</summary>
    public TimeSpan ScaleUpCooldown { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>No further scale-down of a district within this long after its last scale-down.</summary>
    public TimeSpan ScaleDownCooldown { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Launches (nodes in Requested … Joining) allowed at once in one district.</summary>
    public int MaxConcurrentLaunches { get; init; } = 2;

    /// <summary>Launches allowed at once across the whole cloud.</summary>
    public int MaxConcurrentLaunchesPerCloud { get; init; } = 10;

    /// <summary>Nodes allowed in total across all districts (the original MAX_NODES).</summary>
    public int MaxNodesTotal { get; init; } = 1000;

    /// <summary>Which active node a scale-down drains.</summary>
    public DrainSelection DrainSelection { get; init; } = DrainSelection.FewestGears;

    /// <summary>Exhaustion back-off: first delay, doubled per consecutive exhaustion up to <see cref="ExhaustionBackoffMax"/>.</summary>
    public TimeSpan ExhaustionBackoffMin { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan ExhaustionBackoffMax { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Launches that fail for a lasting reason (image or flavor not found, 400, ERROR after retries) wait this long,
    /// doubled per further failure up to <see cref="LaunchFailureBackoffMax"/>.
    /// </summary>
    public TimeSpan LaunchFailureBackoffMin { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan LaunchFailureBackoffMax { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>From this many failed launches in a row the failure is logged at ERROR instead of WARN.</summary>
    public int LaunchFailureErrorAfter { get; init; } = 3;

    /// <summary>How long the cloud's limits are trusted before they are read again (invalidated on any quota error).</summary>
    public TimeSpan LimitsCacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    public static ScalingSettings Default { get; } = new();
}

/// <summary>Which active node a scale-down picks (an operator-named node always goes first).</summary>
public enum DrainSelection
{
    FewestGears,
    Oldest,
    Newest,
}
