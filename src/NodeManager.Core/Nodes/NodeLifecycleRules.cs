using NodeManager.Core.Cloud;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Nodes;

/// <summary>
/// The pure rules of a node's life: what to do next from the state alone, which deadline has passed, and what a
/// typed cloud error turns into. No I/O, no clock: the actor passes <c>now</c>.
/// </summary>
public static class NodeLifecycleRules
{
    public static NodeStep Next(NodeLifecycleState s)
    {
        if (!s.IsLaunched || s.Phase.IsTerminal()) return NodeStep.None;
        if (s.Cleanup is not null) return NodeStep.CleanupLaunch;
        if (s.Phase == NodePhase.Active) return NodeStep.None;
        return s.Phase switch
        {
            NodePhase.Requested => NodeStep.BeginBoot,
            NodePhase.Booting => s.ServerId is null ? NodeStep.EnsureServer : NodeStep.PollServer,
            NodePhase.VolumeAttaching => s.VolumeId is null ? NodeStep.EnsureVolume : NodeStep.AttachVolume,
            NodePhase.Joining => s.Added ? NodeStep.PollReady : NodeStep.AddToPlatform,
            NodePhase.Draining => s.Deactivated ? NodeStep.MoveGears : NodeStep.Deactivate,
            NodePhase.Reclaiming => s.Removed ? NodeStep.DeleteResources : NodeStep.RemoveFromPlatform,
            _ => NodeStep.None,
        };
    }

    /// <summary>When the current phase times out, or null when it has no timeout (or is already handled).</summary>
    public static DateTimeOffset? Deadline(NodeLifecycleState s, NodeLifecycleSettings settings)
    {
        if (s.Cleanup is not null || s.Phase.IsTerminal()) return null;
        return s.Phase switch
        {
            NodePhase.Booting => s.PhaseSince + settings.BootTimeout,
            NodePhase.VolumeAttaching => s.PhaseSince + settings.AttachTimeout,
            NodePhase.Joining => s.PhaseSince + settings.JoinTimeout,
            NodePhase.Draining when !s.Alerting => s.PhaseSince + settings.DrainTimeout,
            _ => null,
        };
    }

    /// <summary>The event a passed deadline produces, or null when none has passed.</summary>
    public static IEvent? OnDeadline(NodeLifecycleState s, NodeLifecycleSettings settings, DateTimeOffset now)
    {
        if (Deadline(s, settings) is not { } deadline || now < deadline) return null;
        return s.Phase switch
        {
            NodePhase.Booting => Failed(s, settings, $"boot timeout: server {s.ServerName} not ACTIVE after {settings.BootTimeout}", LaunchFailureKind.BootTimeout, now),
            NodePhase.VolumeAttaching => Failed(s, settings, $"attach timeout: volume {s.Host} not in-use after {settings.AttachTimeout}", LaunchFailureKind.AttachTimeout, now),
            // A node that booted but never joined is a platform problem a retry rarely fixes: fail (and clean up).
            NodePhase.Joining => new LaunchFailed($"join timeout: {s.Host} not ready after {settings.JoinTimeout}", LaunchOutcome.Fail, now, LaunchFailureKind.JoinTimeout),
            NodePhase.Draining => new DrainStalled($"drain timeout: gears still on {s.Host} after {settings.DrainTimeout}; needs an operator", now),
            _ => null,
        };
    }

    /// <summary>A launch attempt failed: retry while attempts remain, else fail.</summary>
    public static LaunchFailed Failed(NodeLifecycleState s, NodeLifecycleSettings settings, string reason, LaunchFailureKind kind, DateTimeOffset now) =>
        new(reason, s.Attempt <= settings.LaunchRetries ? LaunchOutcome.Retry : LaunchOutcome.Fail, now, kind);

    /// <summary>
    /// What a cloud error during <paramref name="step"/> turns into: null means "transient, try again on the next poll";
    /// exhaustion aborts the launch; anything else permanent during a launch fails it.
    /// </summary>
    public static IEvent? OnCloudError(NodeLifecycleState s, NodeStep step, CloudException error, NodeLifecycleSettings settings, DateTimeOffset now)
    {
        if (error.IsTransient || error is CloudConflictException) return null;
        if (!IsLaunchStep(step)) return null;
        return error switch
        {
            CloudQuotaExceededException or CloudNoValidHostException => new LaunchFailed(error.Message, LaunchOutcome.Abort, now, LaunchFailureKind.Exhausted),
            _ => new LaunchFailed(error.Message, LaunchOutcome.Fail, now, LaunchFailureKind.CloudRefused),
        };
    }

    /// <summary>Whom an aborted launch backs off: project quota is cloud-wide, no valid host is the district's.</summary>
    public static ExhaustionScope ScopeOf(CloudException error) =>
        error is CloudQuotaExceededException ? ExhaustionScope.Cloud : ExhaustionScope.District;

    /// <summary>Nova reports a scheduling failure as an ERROR server whose fault says "No valid host".</summary>
    public static bool IsNoValidHostFault(string? fault) =>
        fault is not null && fault.Contains("no valid host", StringComparison.OrdinalIgnoreCase);

    private static bool IsLaunchStep(NodeStep step) =>
        step is NodeStep.BeginBoot or NodeStep.EnsureServer or NodeStep.PollServer or NodeStep.EnsureVolume or NodeStep.AttachVolume;
}
