using System.Collections.Concurrent;
using Akka.Actor;
using NodeManager.Core.Nodes;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// Stands in for the district supervisor: creates one node actor as its child and records everything the child
/// reports, so a spec can read the latest view from the test thread.
/// </summary>
internal sealed class NodeParent : ReceiveActor
{
    public NodeParent(Props child, string name, NodeRecord record)
    {
        var node = Context.ActorOf(child, name);
        Context.Watch(node);
        Receive<NodeLifecycle.NodeChanged>(changed =>
        {
            if (changed.View.LaunchId.Length > 0) record.Latest = changed.View;
        });
        Receive<NodeLifecycle.LaunchAborted>(record.Aborts.Enqueue);
        Receive<NodeLifecycle.DrainRefused>(record.Refusals.Enqueue);
        Receive<NodeLifecycle.Passivate>(record.Passivations.Enqueue);
        Receive<NodeLifecycle.PassivationDeclined>(record.Declined.Enqueue);
        Receive<Terminated>(_ => record.Stopped = true);
        ReceiveAny(message => node.Tell(message, Self));
    }
}

/// <summary>What a <see cref="NodeParent"/> saw; written by the actor, read by the spec.</summary>
internal sealed class NodeRecord
{
    private volatile NodeView? _latest;
    private volatile bool _stopped;

    public NodeView? Latest
    {
        get => _latest;
        set => _latest = value;
    }

    public bool Stopped
    {
        get => _stopped;
        set => _stopped = value;
    }

    public ConcurrentQueue<NodeLifecycle.LaunchAborted> Aborts { get; } = new();

    public ConcurrentQueue<NodeLifecycle.DrainRefused> Refusals { get; } = new();

    public ConcurrentQueue<NodeLifecycle.Passivate> Passivations { get; } = new();

    public ConcurrentQueue<NodeLifecycle.PassivationDeclined> Declined { get; } = new();
}
