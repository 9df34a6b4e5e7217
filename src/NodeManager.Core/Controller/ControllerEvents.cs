using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Serialization;

namespace NodeManager.Core.Controller;

/// <summary>
/// The stable manifests of every event the controller journals, of the district snapshot, and of every message that
/// crosses cluster members (commands to districts, their replies, the views members share). Never rename a manifest:
/// add a ".v2" and an upcaster from the ".v1".
/// </summary>
public static class ControllerEvents
{
    /// <summary>
    /// Every manifest, registered once; <see cref="ProductSerializer"/> reads it. Add new registrations here, not at
    /// run time: serializers of every actor system in the process share it.
    /// </summary>
    public static EventTypeRegistry Registry { get; } = new EventTypeRegistry()
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
        .Register<DistrictSupervisor.LaunchFailingRaised>("district.launch-failing-raised.v1")
        .Register<DistrictSupervisor.LaunchFailingCleared>("district.launch-failing-cleared.v1")
        .Register<DistrictState>("district.state-snapshot.v1")
        .Register<DistrictSupervisor.Decide>("district.decide.v1")
        .Register<DistrictSupervisor.RequestDrain>("district.request-drain.v1")
        .Register<DistrictSupervisor.DrainAccepted>("district.drain-accepted.v1")
        .Register<NodeLifecycle.DrainRefused>("node.drain-refused.v1")
        .Register<DistrictSupervisor.ScalingPaused>("district.scaling-paused.v1")
        .Register<DistrictSupervisor.ScalingResumed>("district.scaling-resumed.v1")
        .Register<DistrictSupervisor.BoundsSet>("district.bounds-set.v1")
        .Register<DistrictSupervisor.BoundsCleared>("district.bounds-cleared.v1")
        .Register<DistrictSupervisor.NodeProtected>("district.node-protected.v1")
        .Register<DistrictSupervisor.NodeUnprotected>("district.node-unprotected.v1")
        .Register<DistrictSupervisor.OperatorActionRecorded>("district.operator-action-recorded.v1")
        .Register<DistrictSupervisor.FailedLaunchRetried>("district.failed-launch-retried.v1")
        .Register<DistrictSupervisor.FailedNodeForgotten>("district.failed-node-forgotten.v1")
        .Register<DistrictSupervisor.Operate>("district.operate.v1")
        .Register<OperatorOutcome>("operator.outcome.v1")
        .Register<CapacityWatcher.EvaluateNow>("capacity.evaluate-now.v1")
        .Register<BoardReplication.DistrictPublished>("board.district-published.v1")
        .Register<BoardReplication.CapacityPublished>("board.capacity-published.v1");
}
