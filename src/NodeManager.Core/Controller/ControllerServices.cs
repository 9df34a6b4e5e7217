using NodeManager.Core.Cloud;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;

namespace NodeManager.Core.Controller;

/// <summary>Everything the controller's actors share: settings, the cloud and platform, and the board they publish to.</summary>
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
    LimitsCache Limits)
{
    public NodeStepRunner RunnerFor(string profile) => new(Cloud, Platform, Profiles.For(profile), Lifecycle, Cluster);
}
