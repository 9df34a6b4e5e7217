using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>Drives one node actor on virtual time against the simulated cloud and PaaS.</summary>
public abstract class NodeLifecycleSpecBase : TestKit.TestKit
{
    internal static readonly PlatformNode Static = new("d1", "small", "static-1.paas.test");

    protected NodeLifecycleSpecBase()
        : base(useVirtualTime: true)
    {
        Journal = new InMemoryJournal();
        Sys.RegisterExtension(ControllerWorld.Persistence(Journal));
        World = new ControllerWorld(Time);
    }

    internal InMemoryJournal Journal { get; }

    internal ControllerWorld World { get; }

    internal (NodeRecord Record, IActorRef Parent) StartNode(ActorSystem? system = null, string launchId = "d1-1", int index = 1)
    {
        var record = new NodeRecord();
        var props = World.NodeProps(launchId);
        var parent = (system ?? Sys).ActorOf(Props.Create(() => new NodeParent(props, "node", record)));
        parent.Tell(ControllerWorld.LaunchOf(launchId, index));
        return (record, parent);
    }

    /// <summary>Moves virtual time on in <paramref name="step"/>s until <paramref name="condition"/> holds.</summary>
    internal void AdvanceUntil(Func<bool> condition, string what, TimeSpan? step = null) =>
        AdvanceUntil(condition, () => what, step);

    internal void AdvanceUntil(Func<bool> condition, Func<string> what, TimeSpan? step = null) =>
        AwaitAssert(() =>
        {
            if (condition()) return;
            Time.Advance(step ?? TimeSpan.FromSeconds(1));
            Assert.True(condition(), $"waiting for {what()} at {Time.GetUtcNow():HH:mm:ss}");
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(5));

    internal void AdvanceUntilPhase(NodeRecord record, NodePhase phase) =>
        AdvanceUntil(() => record.Latest?.Phase == phase,
            () => $"{phase} (now {record.Latest?.Phase}, last error {record.Latest?.LastError}, stopped {record.Stopped}, calls {string.Join(",", World.Cloud.Calls.TakeLast(5))}, seq {Journal.ReadHighestSequenceNrAsync("node-d1-1").GetAwaiter().GetResult()})");

    /// <summary>A second node in the district that gears can move to; ready after the PaaS's ready delay.</summary>
    internal void AddStaticNode() => World.Paas.AddNodeAsync(Static, CancellationToken.None).GetAwaiter().GetResult();

    internal int GearsOn(string host) =>
        World.Paas.ListGearsAsync(new PlatformNode("d1", "small", host), CancellationToken.None).GetAwaiter().GetResult().Count;

    internal bool IsReady(string host) =>
        World.Paas.IsNodeReadyAsync(new PlatformNode("d1", "small", host), CancellationToken.None).GetAwaiter().GetResult();

    internal int ServersNamed(string name) => World.Cloud.Servers.Count(s => s.Name == name);

    internal int VolumesNamed(string name) => World.Cloud.Volumes.Count(v => v.Name == name);
}
