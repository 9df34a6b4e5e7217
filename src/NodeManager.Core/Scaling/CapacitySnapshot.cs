namespace NodeManager.Core.Scaling;

/// <summary>
/// Everything <see cref="ScalingPolicy"/> needs, frozen at one instant: the platform's capacity document merged with
/// what the district supervisors know (launches in flight, cool-down timestamps, back-off, protection).
/// </summary>
public sealed record CapacitySnapshot(
    IReadOnlyList<DistrictSnapshot> Districts,
    PolicyMemory Memory,
    BackoffState? CloudBackoff = null);

/// <summary>One district as the policy sees it.</summary>
public sealed record DistrictSnapshot(
    string Name,
    string Profile,
    int UidCapacity,
    int UidsAllocated,
    int MinNodes,
    int MaxNodes,
    IReadOnlyList<NodeSnapshot> Nodes)
{
    public DateTimeOffset? LastScaleUpAt { get; init; }

    public DateTimeOffset? LastScaleDownAt { get; init; }

    public BackoffState? Backoff { get; init; }

    /// <summary>Launches of this district keep failing: none until its <c>RetryAt</c>.</summary>
    public BackoffState? LaunchFailing { get; init; }

    public bool Paused { get; init; }

    /// <summary>Host names an operator asked to drain first, in the order asked.</summary>
    public IReadOnlyList<string> DrainRequests { get; init; } = [];

    public int FreeUids => Math.Max(0, UidCapacity - UidsAllocated);
}

/// <summary>
/// One node of a district. <see cref="Phase"/> is null for a node the PaaS reports but the controller did not start
/// (it counts toward the district's size and usage but is never drained).
/// </summary>
public sealed record NodeSnapshot(
    string Name,
    int ActiveGears,
    int MaxActiveGears,
    bool Responding,
    NodePhase? Phase = null,
    bool ScaleInProtected = false,
    DateTimeOffset? ActiveSince = null)
{
    /// <summary>Requested … Joining: a launch in flight.</summary>
    public bool Launching => Phase is { } phase && phase.IsLaunching();

    /// <summary>Draining or Reclaiming: on its way out, no longer counted as capacity.</summary>
    public bool Leaving => Phase is NodePhase.Draining or NodePhase.Reclaiming;

    /// <summary>Serving gears: unmanaged nodes and managed Active nodes.</summary>
    public bool Serving => Phase is null or NodePhase.Active;

    /// <summary>Counts toward min/max nodes: serving or on its way up.</summary>
    public bool Counted => Serving || Launching;
}
