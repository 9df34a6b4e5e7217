using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NodeManager.Actors;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// Spawns <see cref="Actors"/> actors with no fields of their own and sends each one message, so
/// that every part of an actor that is created lazily on first use of its mailbox exists.
/// "Retained/actor" is what stays reachable afterwards (GC.GetTotalMemory after a full
/// collection): the runtime's cost of an idle actor. Target: ≤ 1 KB. "Allocated" counts every
/// byte allocated while spawning, garbage included. Baseline: one plain object per actor.
/// </summary>
[Config(typeof(Config))]
public class IdleActorMemoryBenchmark
{
    public const int Actors = 100_000;

    private static readonly Dictionary<string, double> Retained = [];

    // Static so that the actors carry no fields of their own.
    private static CountdownEvent s_handled = new(0);

    private ActorSystem _system = null!;

    [GlobalSetup(Target = nameof(PlainObjects))]
    public void SetupObjects() => Retained[nameof(PlainObjects)] = MeasureRetained(NewObjects);

    [GlobalSetup(Target = nameof(ActorBaseActors))]
    public void SetupActorBase() =>
        Retained[nameof(ActorBaseActors)] = MeasureRetained(() => SpawnIdle(ActorSystem.Create("measure"), Props.Create(() => new Idle())));

    [GlobalSetup(Target = nameof(ReceiveActors))]
    public void SetupReceiveActor() =>
        Retained[nameof(ReceiveActors)] = MeasureRetained(() => SpawnIdle(ActorSystem.Create("measure"), Props.Create(() => new IdleReceiver())));

    [IterationSetup(Targets = [nameof(ActorBaseActors), nameof(ReceiveActors)])]
    public void NewSystem() => _system = ActorSystem.Create("memory");

    [IterationCleanup(Targets = [nameof(ActorBaseActors), nameof(ReceiveActors)])]
    public void TerminateSystem() => _system.Terminate().GetAwaiter().GetResult();

    // Gives the baseline the same one-invocation-per-iteration job, so that all share a Ratio column.
    [IterationSetup(Target = nameof(PlainObjects))]
    public void NoSetup()
    {
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors)]
    public object[] PlainObjects() => NewObjects();

    [Benchmark(OperationsPerInvoke = Actors)]
    public ActorSystem ActorBaseActors() => SpawnIdle(_system, Props.Create(() => new Idle()));

    [Benchmark(OperationsPerInvoke = Actors)]
    public ActorSystem ReceiveActors() => SpawnIdle(_system, Props.Create(() => new IdleReceiver()));

    private static object[] NewObjects()
    {
        var objects = new object[Actors];
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = new object();
        }

        return objects;
    }

    // Returns once every actor has handled its one message: idle, not merely enqueued.
    private static ActorSystem SpawnIdle(ActorSystem system, Props props)
    {
        s_handled = new CountdownEvent(Actors);
        for (var i = 0; i < Actors; i++)
        {
            system.ActorOf(props).Tell(i);
        }

        s_handled.Wait();
        return system;
    }

    private static double MeasureRetained(Func<object> allocate)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = allocate();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        if (kept is ActorSystem system)
        {
            system.Terminate().GetAwaiter().GetResult();
        }

        return (after - before) / (double)Actors;
    }

    private sealed class Idle : ActorBase
    {
        protected override bool Receive(object message) => s_handled.Signal() || true;
    }

    private sealed class IdleReceiver : ReceiveActor
    {
        public IdleReceiver() => Receive<int>(_ => s_handled.Signal());
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(ShortJobs.InProcess(warmups: 3, iterations: 15));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(new RetainedColumn());
        }
    }

    private sealed class RetainedColumn : IColumn
    {
        public string Id => "RetainedPerActor";

        public string ColumnName => "Retained/actor";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes still reachable per actor (or object) after a full GC";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            Retained.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var bytes) ? $"{bytes:0} B" : "?";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
