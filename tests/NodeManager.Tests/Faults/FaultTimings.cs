namespace NodeManager.Tests.Faults;

/// <summary>
/// The timings a fault spec's members run with: what decides how soon a dead member's districts resume elsewhere
/// (failure detector, then the split brain resolver's stable-after; in parallel the shard lease's expiry).
/// </summary>
internal sealed record FaultTimings(TimeSpan AcceptableHeartbeatPause, TimeSpan StableAfter, TimeSpan LeaseTimeout, TimeSpan BootDelay)
{
    /// <summary>Seconds, so that each spec stays within a minute or so.</summary>
    public static FaultTimings Short { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8));
}
