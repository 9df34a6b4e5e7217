using BenchmarkDotNet.Attributes;
using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Core.Cloud;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Controller;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Node lifecycles driven from Requested to Active per second against the in-memory simulated cloud at zero latency
/// and an instant platform, on the in-memory journal (six journaled events per node, no polling waits).
/// Target: ≥ 1,000 lifecycles/s. Baseline: 100 nodes at once; the measured case 1,000 at once.
/// The set-up also prints the memory retained per idle Active node actor (target ≤ 2 KB).
/// </summary>
[Config(typeof(ShortJobs.Controller))]
public class NodeLifecycleBenchmark
{
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int measured = 10_000;
        var system = NewSystem(new ForgetfulJournal());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var parent = Launch(system, measured, new ForgetfulCloud());
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Retained per idle Active node actor (cell, mailbox, state with its history): {(after - before) / measured:N0} bytes");
        GC.KeepAlive(parent);
        system.Terminate().GetAwaiter().GetResult();

        // The floor: a persistent actor of the runtime with no state of its own, recovered and idle.
        var floorSystem = NewSystem(new ForgetfulJournal());
        var floorBefore = GC.GetTotalMemory(forceFullCollection: true);
        var done = new CountdownEvent(measured);
        var floor = new IActorRef[measured];
        for (var i = 0; i < measured; i++)
        {
            var id = $"empty-{i}";
            floor[i] = floorSystem.ActorOf(Props.Create(() => new EmptyPersistent(id, done)));
            floor[i].Tell("ping");
        }

        done.Wait(TimeSpan.FromMinutes(1));
        var floorAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Retained per idle persistent actor with no state (the runtime's floor): {(floorAfter - floorBefore) / measured:N0} bytes");
        GC.KeepAlive(floor);
        floorSystem.Terminate().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewIteration() => _system = NewSystem(new InMemoryJournal());

    [IterationCleanup]
    public void EndIteration() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = 100)]
    public IActorRef Lifecycles100() => Launch(_system, 100);

    [Benchmark(OperationsPerInvoke = 1_000)]
    public IActorRef Lifecycles1000() => Launch(_system, 1_000);

    private static ActorSystem NewSystem(IJournal journal)
    {
        var system = ActorSystem.Create("lifecycles");
        system.RegisterExtension(new PersistenceExtension(journal, new InMemorySnapshotStore(),
            new EventSerializer(ControllerEvents.Register(new EventTypeRegistry()))));
        return system;
    }

    /// <summary>Starts <paramref name="count"/> node actors and returns once every one of them is Active.</summary>
    private static IActorRef Launch(ActorSystem system, int count, ICloud? cloud = null)
    {
        cloud ??= new SimulatedCloud(TimeProvider.System, new SimulatedCloudOptions { BootTime = TimeSpan.Zero, DeleteTime = TimeSpan.Zero });
        var runner = new NodeStepRunner(cloud, new ForgetfulPlatform(ready: true), new ProfileSettings("small", "node-host", "m1.small"),
            NodeLifecycleSettings.Default, "bench");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = system.ActorOf(Props.Create(() => new Parent(count, runner, done)));
        done.Task.Wait(TimeSpan.FromMinutes(2));
        return parent;
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(int count, NodeStepRunner runner, TaskCompletionSource done)
        {
            var active = 0;
            for (var i = 1; i <= count; i++)
            {
                var launchId = $"d1-{i}";
                var node = Context.ActorOf(Props.Create(() => new NodeLifecycleActor(launchId, runner, NodeLifecycleSettings.Default)), $"node-{i}");
                node.Tell(new NodeLifecycle.Launch(launchId, "d1", "small", i, $"d1_{i}", $"d1-{i}.example.com"));
            }

            Receive<NodeLifecycle.NodeChanged>(changed =>
            {
                if (changed.View.Phase == NodePhase.Active && ++active == count) done.TrySetResult();
            });
        }
    }

    private sealed class EmptyPersistent : ReceivePersistentActor
    {
        private readonly string _id;

        public EmptyPersistent(string id, CountdownEvent done)
        {
            _id = id;
            Command<string>(_ => done.Signal());
        }

        public override string PersistenceId => _id;
    }
}
