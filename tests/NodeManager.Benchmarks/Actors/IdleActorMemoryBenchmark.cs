using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NodeManager.Actors;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// Spawns <see cref="Actors"/> idle actors with no fields of their own. "Allocated" (per actor)
/// counts every byte allocated while spawning, garbage included; "Retained/actor" is what stays
/// reachable afterwards (GC.GetTotalMemory after a full collection), i.e. the runtime's cost of
/// an idle actor. Target: retained ≤ 1 KB. Baseline: allocating one plain object per actor.
/// </summary>
[Config(typeof(Config))]
public class IdleActorMemoryBenchmark
{
    public const int Actors = 100_000;

    private static readonly Dictionary<string, double> Retained = [];

    private ActorSystem _system = null!;

    [GlobalSetup(Target = nameof(SpawnIdleActors))]
    public void SetupActors() => Retained[nameof(SpawnIdleActors)] = MeasureRetained(() => Spawn(ActorSystem.Create("memory-measure")));

    [GlobalSetup(Target = nameof(PlainObjects))]
    public void SetupObjects() => Retained[nameof(PlainObjects)] = MeasureRetained(NewObjects);

    [IterationSetup(Target = nameof(SpawnIdleActors))]
    public void NewSystem() => _system = ActorSystem.Create("memory");

    [IterationCleanup(Target = nameof(SpawnIdleActors))]
    public void TerminateSystem() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors)]
    public object[] PlainObjects() => NewObjects();

    [Benchmark(OperationsPerInvoke = Actors)]
    public ActorSystem SpawnIdleActors() => Spawn(_system);

    private static object[] NewObjects()
    {
        var objects = new object[Actors];
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = new object();
        }

        return objects;
    }

    // Returns once every actor is constructed and waiting: idle, not merely enqueued for creation.
    private static ActorSystem Spawn(ActorSystem system)
    {
        using var created = new CountdownEvent(Actors);
        var props = Props.Create(() =>
        {
            created.Signal();
            return new Idle();
        });
        for (var i = 0; i < Actors; i++)
        {
            system.ActorOf(props);
        }

        created.Wait();
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
        protected override bool Receive(object message) => false;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(new ShortActorJob().GetJobs().Single());
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
