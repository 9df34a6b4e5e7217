using Akka.Actor;
using Akka.Persistence.TestKit;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>Drives one node actor on virtual time against the simulated cloud and PaaS.</summary>
public abstract class NodeLifecycleSpecBase : VirtualTimeSpec
{
    internal static readonly PlatformNode Static = new("d1", "small", "static-1.paas.test");

    protected NodeLifecycleSpecBase()
    {
        World = new ControllerWorld(Time);
        Journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
    }

    internal ControllerWorld World { get; }

    /// <summary>The TestJournal: its interceptors make chosen writes fail or be rejected.</summary>
    internal ITestJournal Journal { get; }

    internal (NodeRecord Record, IActorRef Parent) StartNode(string launchId = "d1-1", int index = 1)
    {
        var record = new NodeRecord();
        var parent = Sys.ActorOf(Props.Create(() => new NodeParent(World.NodeProps(launchId), "node", record)));
        parent.Tell(ControllerWorld.LaunchOf(launchId, index));
        return (record, parent);
    }

    internal void AdvanceUntilPhase(NodeRecord record, NodePhase phase) =>
        AdvanceUntil(() => record.Latest?.Phase == phase,
            () => $"{phase} (now {record.Latest?.Phase}, last error {record.Latest?.LastError}, stopped {record.Stopped}, calls {string.Join(",", World.Cloud.Calls.TakeLast(5))})");

    /// <summary>A second node in the district that gears can move to; ready after the PaaS's ready delay.</summary>
    internal void AddStaticNode() => World.Paas.AddNodeAsync(Static, CancellationToken.None).GetAwaiter().GetResult();

    internal int GearsOn(string host) =>
        World.Paas.ListGearsAsync(new PlatformNode("d1", "small", host), CancellationToken.None).GetAwaiter().GetResult().Count;

    internal bool IsReady(string host) =>
        World.Paas.IsNodeReadyAsync(new PlatformNode("d1", "small", host), CancellationToken.None).GetAwaiter().GetResult();

    internal int ServersNamed(string name) => World.Cloud.Servers.Count(s => s.Name == name);

    internal int VolumesNamed(string name) => World.Cloud.Volumes.Count(v => v.Name == name);
}
