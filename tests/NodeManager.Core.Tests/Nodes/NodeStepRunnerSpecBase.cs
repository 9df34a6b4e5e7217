using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Core.Tests.Support;
using NodeManager.Testing;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>The world of the node-step specs: one node of district d1 on virtual time, against the simulated cloud.</summary>
public abstract class NodeStepRunnerSpecBase
{
    protected const string Self = "d1-1.paas.test";

    protected NodeStepRunnerSpecBase() => World = new ControllerWorld(Time);

    protected VirtualTimeProvider Time { get; } = new();

    private protected ControllerWorld World { get; }

    protected DateTimeOffset Now => Time.GetUtcNow();

    protected SimulatedCloud Cloud => World.Cloud;

    /// <summary>The node with its names journaled and its server asked for (attempt <paramref name="attempt"/>).</summary>
    protected NodeLifecycleState Requested(int attempt = 1) => NodeLifecycleState.Empty
        .Apply(new NodeRequested("d1-1", "d1", "small", 1, "d1_1", Self, Now))
        .Apply(new ServerRequested(attempt, Now));
}
