using System.Text.Json.Serialization;

namespace NodeManager.Core.Nodes;

/// <summary>
/// Why a launch attempt failed, as the rule that failed it knows it: journaled with <see cref="NodeLifecycle.LaunchFailed"/>
/// so that metrics and alerts never read it back out of the cloud's message.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LaunchFailureKind>))]
public enum LaunchFailureKind
{
    /// <summary>The cloud had no room (quota, or no valid host at create time or as the server's fault).</summary>
    Exhausted,
    BootTimeout,
    AttachTimeout,
    JoinTimeout,
    /// <summary>The server went to ERROR, or vanished, while it booted.</summary>
    ServerError,
    /// <summary>The volume went to error, vanished, or was attached to another server.</summary>
    VolumeError,
    /// <summary>The cloud refused a call of the launch outright (image, flavor, network or volume type not found, a 400).</summary>
    CloudRefused,
}
