using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Districts;

/// <summary>
/// The rules of operator actions, pure: what a district's settings are once the operator's overrides are laid over the
/// file's, and whether an action applies to a target in its current state. The district supervisor asks these before it
/// journals anything, so a refused action changes nothing.
/// </summary>
public static class OverrideRules
{
    /// <summary>
    /// The settings the district scales by: the operator's bounds and pause over the file's, and the operator's protected
    /// hosts added to the file's <c>scale-in-protected</c>.
    /// </summary>
    public static DistrictSettings Effective(DistrictSettings file, DistrictState state)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(state);
        return file with
        {
            MinNodes = state.BoundsOverride?.MinNodes ?? file.MinNodes,
            MaxNodes = state.BoundsOverride?.MaxNodes ?? file.MaxNodes,
            Paused = state.PausedOverride?.Paused ?? file.Paused,
            // The file's hosts first, then the operator's by name, so that the list reads the same on every member.
            ScaleInProtected = [.. file.ScaleInProtected.Union(state.ProtectedNodes.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// What pausing changes: nothing when the district is already paused; else the override that pauses it (cleared
    /// when the file pauses it by itself, so that clearing it later does not resume what the file wants paused).
    /// </summary>
    public static (bool Changed, bool? Override) Pause(DistrictSettings file, DistrictState state) =>
        Effective(file, state).Paused ? (false, state.PausedOverride?.Paused) : (true, file.Paused ? null : true);

    /// <summary>What resuming changes: nothing when the district is not paused; else the override that resumes it.</summary>
    public static (bool Changed, bool? Override) Resume(DistrictSettings file, DistrictState state) =>
        !Effective(file, state).Paused ? (false, state.PausedOverride?.Paused) : (true, file.Paused ? false : null);

    /// <summary>Why run-time bounds are invalid, or null: neither may be negative, and min may not exceed max.</summary>
    public static string? BoundsError(int? min, int? max) => (min, max) switch
    {
        (null, _) or (_, null) => "bounds need both \"min\" and \"max\" (integers)",
        ( < 0, _) => $"min must be ≥ 0, got {min}",
        (_, < 0) => $"max must be ≥ 0, got {max}",
        _ when min > max => $"min ({min}) must be ≤ max ({max})",
        _ => null,
    };

    /// <summary>True when setting bounds <paramref name="min"/>..<paramref name="max"/> changes what the district has.</summary>
    public static bool BoundsChange(DistrictState state, int min, int max) =>
        state.BoundsOverride is not { } current || current.MinNodes != min || current.MaxNodes != max;

    /// <summary>Why a drain of <paramref name="host"/> is refused, or null: only an Active node that nobody protects is drained.</summary>
    public static string? DrainRefusal(string host, NodePhase? phase, DistrictSettings effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        return phase switch
        {
            null => $"{host} is not a node this district manages",
            not NodePhase.Active => $"{host} is {phase}, not Active",
            _ when effective.ScaleInProtected.Contains(host, StringComparer.Ordinal) => $"{host} is scale-in protected",
            _ => null,
        };
    }

    /// <summary>
    /// Why a retry or forget of <paramref name="host"/> is refused, or null: only a node that ended Failed is launched
    /// again or forgotten. <paramref name="phase"/> is the node's state, live or finished.
    /// </summary>
    public static string? FailedOnlyRefusal(string host, NodePhase phase, string action) =>
        phase == NodePhase.Failed ? null : $"{host} is {phase}, not Failed: only a Failed node can be {action}";

    /// <summary>
    /// Why a retry is refused although the node is Failed, or null: a retry is a launch like any other, so it never takes
    /// the district past its max-nodes.
    /// </summary>
    public static string? RetryCapacityRefusal(int liveNodes, DistrictSettings effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        return liveNodes >= effective.MaxNodes ? $"the district already has {liveNodes} live node(s), its max-nodes is {effective.MaxNodes}" : null;
    }

    /// <summary>
    /// Who protects <paramref name="host"/> from scale-in: <c>operator:&lt;token&gt;</c> when an operator did, else
    /// <c>file</c> when the <paramref name="effective"/> settings list it, else null (nobody).
    /// </summary>
    public static string? ProtectedBy(string host, DistrictSettings effective, DistrictState state)
    {
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ProtectedNodes.TryGetValue(host, out var protection)) return $"operator:{protection.By}";
        return effective.ScaleInProtected.Contains(host, StringComparer.Ordinal) ? "file" : null;
    }
}
