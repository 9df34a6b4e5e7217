using NodeManager.Core.Tests.Support;
using Akka.Actor;
using Akka.Persistence;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Memory per idle Active node with <see cref="Nodes"/> nodes in <see cref="Districts"/> districts: "Retained/node" is
/// what stays reachable (after a full collection) once every node is Active, divided by the number of nodes. The
/// journal (<see cref="SeededForgetfulJournal"/>), the cloud and the platform keep nothing, so the figure is the
/// controller's own. Target: ≤ 4 KB per node in districts. The time columns are the spin-up, per node (lifecycles with
/// no database and no cloud latency).
/// <list type="bullet">
/// <item><see cref="IdlePersistentActors"/> (baseline): Akka's floor, persistent actors with no state, recovered, one
/// command handled;</item>
/// <item><see cref="NodeActorsAlone"/>: node actors Active under a plain parent per hundred, no district;</item>
/// <item><see cref="NodesInDistricts"/>: the product: district supervisors (under their back-off supervisors) recover
/// their launches and start their nodes, which publish their views to the board; each node logs under a category of
/// its own, as in production. Without the node actors (passivated) a node would cost this minus
/// <see cref="NodeActorsAlone"/>.</item>
/// <item><see cref="NodesInDistrictsUnlogged"/>: the same with a logger factory that creates nothing, for the share of
/// the per-node log categories (Microsoft.Extensions.Logging keeps a logger per category for the process's life).</item>
/// <item><see cref="NodesInDistrictsPassivated"/>: the product as it runs, nodes passivated once idle (here after
/// <see cref="PassivateAfter"/>): measured once every node is Active and every node actor has stopped; each district
/// keeps its nodes' views for status and the policy.</item>
/// </list>
/// The first three cases keep their node actors (passivation off), so that they show what an actor costs.
/// </summary>
[Config(typeof(Config))]
public class IdleNodeMemoryBenchmark
{
    public const int Districts = 1_000;
    public const int NodesPerDistrict = 100;
    public const int Nodes = Districts * NodesPerDistrict;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PassivateAfter = TimeSpan.FromSeconds(5);
    private static readonly NodeLifecycleSettings KeepActors = NodeLifecycleSettings.Default with { PassivateAfter = null };
    private static readonly NodeLifecycleSettings Passivating = NodeLifecycleSettings.Default with { PassivateAfter = PassivateAfter };
    private static readonly Dictionary<string, double> Retained = [];

    private ActorSystem _system = null!;

    [GlobalSetup(Target = nameof(IdlePersistentActors))]
    public void MeasureFloor() => Retained[nameof(IdlePersistentActors)] = Measure(SpawnIdlePersistent);

    [GlobalSetup(Target = nameof(NodeActorsAlone))]
    public void MeasureNodes() => Retained[nameof(NodeActorsAlone)] = Measure(LaunchNodes);

    [GlobalSetup(Target = nameof(NodesInDistricts))]
    public void MeasureDistricts() => Retained[nameof(NodesInDistricts)] = Measure(s => StartDistricts(s, LoggerFactory.Create(_ => { }), KeepActors));

    [GlobalSetup(Target = nameof(NodesInDistrictsUnlogged))]
    public void MeasureUnlogged() => Retained[nameof(NodesInDistrictsUnlogged)] = Measure(s => StartDistricts(s, NullLoggerFactory.Instance, KeepActors));

    [GlobalSetup(Target = nameof(NodesInDistrictsPassivated))]
    public void MeasurePassivated() =>
        Retained[nameof(NodesInDistrictsPassivated)] = Measure(s => StartDistricts(s, LoggerFactory.Create(_ => { }), Passivating));

    [IterationSetup]
    public void NewSystem() => _system = StartSystem();

    [IterationCleanup]
    public void TerminateSystem() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Nodes)]
    public object IdlePersistentActors() => SpawnIdlePersistent(_system);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public object NodeActorsAlone() => LaunchNodes(_system);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public object NodesInDistricts() => StartDistricts(_system, LoggerFactory.Create(_ => { }), KeepActors);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public object NodesInDistrictsUnlogged() => StartDistricts(_system, NullLoggerFactory.Instance, KeepActors);

    /// <summary>The time column includes the wait of <see cref="PassivateAfter"/> before the actors stop.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public object NodesInDistrictsPassivated() => StartDistricts(_system, LoggerFactory.Create(_ => { }), Passivating);

    private static ActorSystem StartSystem() =>
        ActorSystem.Create("memory", Actors.ActorBenchmarks.Config.WithFallback(SeededForgetfulJournal.Hocon(NodesPerDistrict)));

    // The system (guardians, journal, scheduler) exists before the first reading.
    private static double Measure(Func<ActorSystem, object> spawn)
    {
        var system = StartSystem();
        try
        {
            return RetainedMemoryColumn.Measure(Nodes, () => spawn(system));
        }
        finally
        {
            system.Terminate().GetAwaiter().GetResult();
        }
    }

    private static object SpawnIdlePersistent(ActorSystem system)
    {
        var handled = new CountdownEvent(Nodes);
        var actors = new IActorRef[Nodes];
        for (var i = 0; i < Nodes; i++)
        {
            actors[i] = system.ActorOf(Props.Create(typeof(IdlePersistent), $"idle-{i}", handled));
            actors[i].Tell(IdlePersistent.Ping.Instance);
        }

        if (!handled.Wait(Timeout))
            throw new TimeoutException($"{handled.CurrentCount} of {Nodes} persistent actors never handled their command");
        return actors;
    }

    private static object LaunchNodes(ActorSystem system)
    {
        var runner = new NodeStepRunner(new ForgetfulCloud(), new ForgetfulPlatform(ready: true), BenchmarkController.Profile,
            NodeLifecycleSettings.Default, BenchmarkController.Cluster);
        var rounds = Enumerable.Range(0, Districts).Select(d => new LifecycleParent.Round($"d{d}", $"d{d}", NodesPerDistrict, runner)).ToList();
        var parents = rounds.Select(round => system.ActorOf(Props.Create(() => new LifecycleParent(round)), round.Name)).ToList();
        if (!Task.WhenAll(rounds.Select(r => r.Active.Task)).Wait(Timeout))
            throw new TimeoutException($"{rounds.Count(r => !r.Active.Task.IsCompleted)} of {Districts} parents still wait for Active nodes");
        return parents;
    }

    private static object StartDistricts(ActorSystem system, ILoggerFactory loggers, NodeLifecycleSettings lifecycle)
    {
        var services = BenchmarkController.Services(new ForgetfulCloud(), new BenchmarkController.FixedCapacity(new CapacityDocument([], [])),
            new ForgetfulPlatform(ready: true), loggers: loggers, lifecycle: lifecycle);
        var districts = system.ActorOf(LocalDistrictRegion.PropsFor(services), LocalDistrictRegion.Name);
        // A persistent actor answers its first command once recovered: the drain request of a host it does not have.
        var recovered = Enumerable.Range(0, Districts).Select(d => districts.Ask<NodeLifecycle.DrainRefused>(
            DistrictEntity.To($"d{d}", new DistrictSupervisor.RequestDrain("nobody.example.com", "recovered?")), Timeout));
        if (!Task.WhenAll(recovered).Wait(Timeout))
            throw new TimeoutException("the districts did not recover");
        BenchmarkController.WaitUntil(() => ActiveNodes(services.Board) == Nodes, Timeout, () => $"{ActiveNodes(services.Board)} of {Nodes} nodes Active");
        if (lifecycle.PassivateAfter is not null)
            BenchmarkController.WaitUntil(() => services.Board.PassivatedNodes == Nodes, Timeout,
                () => $"{services.Board.PassivatedNodes} of {Nodes} node actors passivated");
        return (services, loggers);
    }

    private static int ActiveNodes(ControllerBoard board) =>
        board.Districts.Values.Sum(d => d.Nodes.Count(n => n.Phase == NodePhase.Active));

    private sealed class IdlePersistent : UntypedPersistentActor
    {
        private readonly CountdownEvent _handled;

        public IdlePersistent(string persistenceId, CountdownEvent handled)
        {
            PersistenceId = persistenceId;
            _handled = handled;
        }

        public override string PersistenceId { get; }

        protected override void OnRecover(object message)
        {
        }

        protected override void OnCommand(object message) => _handled.Signal();

        public sealed class Ping
        {
            public static Ping Instance { get; } = new();

            private Ping()
            {
            }
        }
    }

    /// <summary>Each invocation starts a hundred thousand actors: no warm-up, no pilot, one measured round (the retained figure is measured in the set-up).</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(ShortJobs.InProcess(warmups: 0, iterations: 1).WithStrategy(RunStrategy.Monitoring));
            AddColumn(new RetainedMemoryColumn("Retained/node", "Bytes still reachable per node (or actor) after a full GC, once all are idle", Retained));
        }
    }
}
