using Microsoft.Extensions.Logging;
using NodeManager.Core.Cloud;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;

namespace NodeManager.Core.Controller;

/// <summary>
/// Everything the controller's actors share: settings, the cloud and platform, the board they publish to, the clock
/// (the product's <see cref="TimeProvider"/>; in tests one over Akka's TestScheduler, so timestamps and timers move
/// together) and the loggers.
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
    /// <summary>How often the persistent actors snapshot (<c>node-manager.persistence.snapshot-every</c>).</summary>
    public SnapshotSettings Snapshots { get; init; } = SnapshotSettings.Default;

    public NodeStepRunner RunnerFor(string profile) => new(Cloud, Platform, Profiles.For(profile), Lifecycle, Cluster);
}
