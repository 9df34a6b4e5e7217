using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using NodeManager.Benchmarks.Persistence;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Simulators.Paas;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// <see cref="Nodes"/> node lifecycles at once, Requested to Active, through the simulated cloud and the PaaS simulator
/// at zero latency, journaled by Akka.Persistence.Sql on SQLite and on PostgreSQL; beside it, the baseline puts the same
/// rows (the events one lifecycle really journaled, read back from the table, for as many persistence ids) into the same
/// table with <see cref="RawJournalInsert"/>. Times are per lifecycle. Target: ≥ 1,000 lifecycles/s (≤ 1,000 µs each).
/// </summary>
[Config(typeof(Config))]
public class NodeLifecycleBenchmark : StoreBenchmark
{
    private const int Nodes = 10_000;
    private const string District = "d1";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    private ActorSystem _system = null!;
    private IReadOnlyList<JournalRow> _lifecycleRows = [];
    private IActorRef? _parent;
    private NodeStepRunner _runner = null!;
    private int _round;

    protected override async Task SetupAsync()
    {
        _system = BenchmarkStores.StartSystem(Settings, "lifecycles");
        NewWorld();
        // Warms the journal's connections and the code paths, and yields the rows one lifecycle writes.
        await LaunchAsync(_system, "warm-up", 100);
        _lifecycleRows = await RawJournalInsert.ReadAsync(Settings, NodeLifecycleActor.PersistenceIdFor("warm-up-1"));
        if (_lifecycleRows.Count == 0)
            throw new InvalidOperationException("the warm-up lifecycle journaled nothing");
        Console.WriteLine($"// One lifecycle journals {_lifecycleRows.Count} events: {string.Join(", ", _lifecycleRows.Select(r => r.Manifest))}");
        await _parent!.GracefulStop(Timeout);
    }

    protected override async Task CleanupAsync()
    {
        await _system.Terminate();
    }

    [IterationSetup(Target = nameof(Lifecycles))]
    public void NewWorld()
    {
        ++_round;
        var time = TimeProvider.System;
        var cloud = new SimulatedCloud(time, new SimulatedCloudOptions { BootTime = TimeSpan.Zero, DeleteTime = TimeSpan.Zero });
        var paas = new PaasSimulator(new PaasSimulatorOptions
        {
            ReadyDelay = TimeSpan.Zero,
            Districts = [new SimulatedDistrict(District, BenchmarkController.Profile.Name, 60_000, [])],
        }, time);
        _runner = new NodeStepRunner(cloud, paas, BenchmarkController.Profile, NodeLifecycleSettings.Default, BenchmarkController.Cluster);
    }

    [IterationCleanup(Target = nameof(Lifecycles))]
    public void StopNodes()
    {
        if (_parent is { } parent && !parent.GracefulStop(Timeout).GetAwaiter().GetResult())
            throw new TimeoutException("the node actors did not stop");
        _parent = null;
    }

    [IterationSetup(Target = nameof(RawBatchedInsert))]
    public void NextRound() => ++_round;

    [Benchmark(Baseline = true, OperationsPerInvoke = Nodes)]
    public Task RawBatchedInsert() => RawJournalInsert.InsertAsync(Settings,
        [.. Enumerable.Range(1, Nodes).SelectMany(i => _lifecycleRows.Select(r => r with { PersistenceId = $"raw-{_round}-{i}" }))]);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public Task Lifecycles() => LaunchAsync(_system, $"r{_round}", Nodes);

    private async Task LaunchAsync(ActorSystem system, string name, int count)
    {
        var round = new LifecycleParent.Round(name, District, count, _runner);
        _parent = system.ActorOf(Props.Create(() => new LifecycleParent(round)), name);
        await round.Active.Task.WaitAsync(Timeout);
        if (round.Restarts > 0)
            Console.WriteLine($"// {name}: {round.Restarts} node actor(s) stopped by a failed journal write and started again; the first: {round.Log.First}");
    }

    /// <summary>
    /// Each invocation runs ten thousand lifecycles (minutes on a loaded machine): no pilot, one warm-up round and two
    /// measured rounds per case. The global set-up's hundred lifecycles do not warm enough: the first round of ten
    /// thousand still paid the JIT's optimising recompilation of the hot paths (a third slower than the next).
    /// </summary>
    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddJob(ShortJobs.InProcess(warmups: 1, iterations: 2).WithStrategy(RunStrategy.Monitoring));
    }
}
