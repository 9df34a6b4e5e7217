namespace NodeManager.Tests.Faults;

/// <summary>
/// The timings a fault cluster's members run with: what decides how soon a dead member's districts resume elsewhere
/// (the failure detector, then the split brain resolver's stable-after; meanwhile the shard lease's expiry).
/// </summary>
internal sealed record FaultTimings(
    TimeSpan AcceptableHeartbeatPause, TimeSpan StableAfter, TimeSpan LeaseTimeout, TimeSpan LeaseHeartbeat, TimeSpan BootDelay)
{
    /// <summary>Seconds, so that each spec stays within a minute or so.</summary>
    public static FaultTimings Short { get; } = new(
        TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

    /// <summary>The product's defaults (Akka's failure detector, reference.conf's stable-after and lease).</summary>
    public static FaultTimings ProductDefaults { get; } = new(
        TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8));
}
