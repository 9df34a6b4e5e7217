using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Metrics;

/// <summary>
/// Why a launch failed, as one word of a fixed set (a metric label must not carry the cloud's message, which names
/// servers and ids): read from the ended node's phase and the kind of failure its lifecycle journaled.
/// </summary>
public static class LaunchFailureReason
{
    /// <summary>The cloud had no room (quota or no valid host): the launch was aborted and the district backs off.</summary>
    public const string Exhausted = "exhausted";

    public const string BootTimeout = "boot-timeout";

    public const string AttachTimeout = "attach-timeout";

    public const string JoinTimeout = "join-timeout";

    /// <summary>The server went to ERROR, or vanished, while it booted.</summary>
    public const string ServerError = "server-error";

    /// <summary>The volume went to error, vanished, or was attached to another server.</summary>
    public const string VolumeError = "volume-error";

    /// <summary>The cloud refused a call of the launch outright (a 400, 403 or 404: image, flavor, network or volume type not found).</summary>
    public const string CloudRefused = "cloud-refused";

    public static IReadOnlyList<string> All { get; } =
        [Exhausted, BootTimeout, AttachTimeout, JoinTimeout, ServerError, VolumeError, CloudRefused];

    /// <summary>
    /// The word for a node that ended <paramref name="phase"/>: from the kind its lifecycle journaled, or, for a lifecycle
    /// journaled before kinds were recorded, from <paramref name="lastError"/>.
    /// </summary>
    public static string Of(NodePhase phase, LaunchFailureKind? kind, string? lastError)
    {
        if (phase == NodePhase.Aborted) return Exhausted;
        return kind switch
        {
            LaunchFailureKind.Exhausted => Exhausted,
            LaunchFailureKind.BootTimeout => BootTimeout,
            LaunchFailureKind.AttachTimeout => AttachTimeout,
            LaunchFailureKind.JoinTimeout => JoinTimeout,
            LaunchFailureKind.ServerError => ServerError,
            LaunchFailureKind.VolumeError => VolumeError,
            LaunchFailureKind.CloudRefused => CloudRefused,
            _ => FromText(lastError),
        };
    }

    /// <remarks>
    /// The texts matched are those <see cref="NodeLifecycleRules"/> and <see cref="NodeStepRunner"/> wrote before the kind
    /// was journaled; a cloud error's text starts with the call it failed ("create server …"), never with "server " or
    /// "volume ".
    /// </remarks>
    private static string FromText(string? lastError)
    {
        var error = lastError ?? "";
        if (error.StartsWith("boot timeout", StringComparison.Ordinal)) return BootTimeout;
        if (error.StartsWith("attach timeout", StringComparison.Ordinal)) return AttachTimeout;
        if (error.StartsWith("join timeout", StringComparison.Ordinal)) return JoinTimeout;
        if (error.StartsWith("server ", StringComparison.Ordinal)) return ServerError;
        if (error.StartsWith("volume ", StringComparison.Ordinal)) return VolumeError;
        return CloudRefused;
    }
}
