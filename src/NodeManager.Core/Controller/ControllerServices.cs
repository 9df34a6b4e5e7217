using Microsoft.Extensions.Logging;
using NodeManager.Core.Cloud;
using NodeManager.Core.Districts;
using NodeManager.Core.Fencing;
using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;

namespace NodeManager.Core.Controller;

/// <summary>
/// Everything the controller's actors share: settings, the cloud and platform, the board they publish to, the clock
/// (the product's <see cref="TimeProvider"/>; in tests one over Akka's TestScheduler, so timestamps and timers move
/// together), the loggers and the metrics. <see cref="Fences"/> says whether this member still drives a district (always,
/// unless the host runs in a cluster).
/// </summary>
public sealed record ControllerServices(
    string Cluster,
    ICloud Cloud,
    ICapacitySource Capacity,
    IPlatform Platform,
    CapacitySettings CapacitySettings,
    ScalingSettings Scaling,
    NodeLifecycleSettings Lifecycle,
    DistrictsSettings Districts,
    ProfilesSettings Profiles,
    CleanupSettings Cleanup,
    ControllerBoard Board,
    LimitsCache Limits,
    TimeProvider Time,
    ILoggerFactory Loggers)
{
    /// <summary>Where the actors report decisions, launches and phase changes; counts nothing unless the host sets it.</summary>
    public IControllerMetrics Metrics { get; init; } = NoControllerMetrics.Instance;

    /// <summary>How often the persistent actors snapshot (<c>node-manager.persistence.snapshot-every</c>).</summary>
    public SnapshotSettings Snapshots { get; init; } = SnapshotSettings.Default;

    public IDistrictFences Fences { get; init; } = DistrictFences.AlwaysHeld;

    /// <summary>
    /// The steps of one district's nodes, on the cloud and platform behind the district's fence: a member that no
    /// longer holds the district changes nothing.
    /// </summary>
    public NodeStepRunner RunnerFor(string district, string profile)
    {
        var fence = Fences.For(district);
        return new(new FencedCloud(Cloud, district, fence), new FencedPlatform(Platform, district, fence), Profiles.For(profile), Lifecycle, Cluster);
    }
}
