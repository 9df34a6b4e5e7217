using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// Spawns <see cref="Actors"/> Akka actors with no fields of their own and sends each one message, so that every part
/// of an actor that Akka creates on first use exists. "Retained/actor" is what stays reachable afterwards
/// (GC.GetTotalMemory after a full collection): Akka's cost of an idle actor (ActorCell, mailbox, reference, path, the
/// parent's entry). Target: ≤ 1 KB. "Allocated" counts every byte allocated while spawning, garbage included.
/// Baseline: one plain object per actor.
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
    public void SetupObjects() => Retained[nameof(PlainObjects)] = RetainedMemoryColumn.Measure(Actors, NewObjects);

    [GlobalSetup(Target = nameof(UntypedActors))]
    public void SetupUntyped() => Retained[nameof(UntypedActors)] = MeasureActors(Props.Create(() => new Idle()));

    [GlobalSetup(Target = nameof(ReceiveActors))]
    public void SetupReceive() => Retained[nameof(ReceiveActors)] = MeasureActors(Props.Create(() => new IdleReceiver()));

    [IterationSetup(Targets = [nameof(UntypedActors), nameof(ReceiveActors)])]
    public void NewSystem() => _system = ActorSystem.Create("memory", ActorBenchmarks.Config);

    [IterationCleanup(Targets = [nameof(UntypedActors), nameof(ReceiveActors)])]
    public void TerminateSystem() => _system.Terminate().GetAwaiter().GetResult();

    // Gives the baseline the same one-invocation-per-iteration job, so that all share a Ratio column.
    [IterationSetup(Target = nameof(PlainObjects))]
    public void NoSetup()
    {
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors)]
    public object[] PlainObjects() => NewObjects();

    [Benchmark(OperationsPerInvoke = Actors)]
    public ActorSystem UntypedActors() => SpawnIdle(_system, Props.Create(() => new Idle()));

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

    // The system itself (guardians, scheduler, event stream) is created before the first measurement.
    private static double MeasureActors(Props props)
    {
        var system = ActorSystem.Create("measure", ActorBenchmarks.Config);
        try
        {
            return RetainedMemoryColumn.Measure(Actors, () => SpawnIdle(system, props));
        }
        finally
        {
            system.Terminate().GetAwaiter().GetResult();
        }
    }

    // Returns once every actor has handled its one message: idle, not merely enqueued.
    private static ActorSystem SpawnIdle(ActorSystem system, Props props)
    {
        s_handled = new CountdownEvent(Actors);
        for (var i = 0; i < Actors; i++)
        {
            system.ActorOf(props).Tell(i);
        }

        if (!s_handled.Wait(TimeSpan.FromMinutes(2)))
            throw new TimeoutException($"{s_handled.CurrentCount} of {Actors} actors never handled their message");
        return system;
    }

    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message) => s_handled.Signal();
    }

    private sealed class IdleReceiver : ReceiveActor
    {
        public IdleReceiver() => Receive<int>(_ => s_handled.Signal());
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(ShortJobs.InProcess(warmups: 2, iterations: 8));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(new RetainedMemoryColumn("Retained/actor", "Bytes still reachable per actor (or object) after a full GC", Retained));
        }
    }
}
