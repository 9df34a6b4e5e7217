using NodeManager.Core.Serialization;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;

namespace NodeManager.Core.Controller;

/// <summary>
/// The stable manifests of every event the controller journals. Never rename a manifest: add a ".v2" and an upcaster.
/// </summary>
public static class ControllerEvents
{
    public static EventTypeRegistry Register(EventTypeRegistry registry) => registry
        .Register<NodeLifecycle.NodeRequested>("node.requested.v1")
        .Register<NodeLifecycle.ServerRequested>("node.server-requested.v1")
        .Register<NodeLifecycle.ServerCreated>("node.server-created.v1")
        .Register<NodeLifecycle.ServerBooted>("node.server-booted.v1")
        .Register<NodeLifecycle.VolumeCreated>("node.volume-created.v1")
        .Register<NodeLifecycle.VolumeAttached>("node.volume-attached.v1")
        .Register<NodeLifecycle.NodeAdded>("node.added.v1")
        .Register<NodeLifecycle.NodeJoined>("node.joined.v1")
        .Register<NodeLifecycle.LaunchFailed>("node.launch-failed.v1")
        .Register<NodeLifecycle.LaunchCleanedUp>("node.launch-cleaned-up.v1")
        .Register<NodeLifecycle.NodeLost>("node.lost.v1")
        .Register<NodeLifecycle.RejoinStarted>("node.rejoin-started.v1")
        .Register<NodeLifecycle.DrainStarted>("node.drain-started.v1")
        .Register<NodeLifecycle.NodeDeactivated>("node.deactivated.v1")
        .Register<NodeLifecycle.GearMoved>("node.gear-moved.v1")
        .Register<NodeLifecycle.GearMoveFailed>("node.gear-move-failed.v1")
        .Register<NodeLifecycle.DrainStalled>("node.drain-stalled.v1")
        .Register<NodeLifecycle.NodeDrained>("node.drained.v1")
        .Register<NodeLifecycle.NodeRemoved>("node.removed.v1")
        .Register<NodeLifecycle.NodeReclaimed>("node.reclaimed.v1")
        .Register<DistrictSupervisor.DistrictStarted>("district.started.v1")
        .Register<DistrictSupervisor.NodeLaunchRequested>("district.node-launch-requested.v1")
        .Register<DistrictSupervisor.NodeFinished>("district.node-finished.v1")
        .Register<DistrictSupervisor.ScaledUp>("district.scaled-up.v1")
        .Register<DistrictSupervisor.ScaleDownStarted>("district.scale-down-started.v1")
        .Register<DistrictSupervisor.DecisionRecorded>("district.decision-recorded.v1")
        .Register<DistrictSupervisor.ExhaustionRaised>("district.exhaustion-raised.v1")
        .Register<DistrictSupervisor.ExhaustionCleared>("district.exhaustion-cleared.v1")
        .Register<DistrictState>("district.state-snapshot.v1");
}
