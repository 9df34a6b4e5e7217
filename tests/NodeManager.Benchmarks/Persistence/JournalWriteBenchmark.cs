using Akka.Actor;
using Akka.Serialization;
using BenchmarkDotNet.Attributes;
using NodeManager.Core.Nodes;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Events per second through Akka.Persistence.Sql from <see cref="Writers"/> persistent actors persisting one event
/// each at once (the journal batches them), against <see cref="RawJournalInsert"/> putting the same number of rows of
/// the same size into the same table. Target: Ratio ≤ 2 (the journal at least half as fast as the raw insert).
/// </summary>
[Config(typeof(ShortJobs.Database))]
public class JournalWriteBenchmark : StoreBenchmark
{
    private const int Writers = 1_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private ActorSystem _system = null!;
    private IActorRef[] _writers = [];
    private JournalRow _template = null!;
    private int _round;

    protected override Task SetupAsync()
    {
        _system = BenchmarkStores.StartSystem(Settings, "journal-write");
        var sample = Event(0);
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(sample);
        _template = new JournalRow("", 1, serializer.Manifest(sample), serializer.ToBinary(sample));
        // Akka.Persistence.Sql creates its tables when the journal first answers: before the raw baseline runs.
        StartWriters();
        StopWriters();
        return Task.CompletedTask;
    }

    protected override async Task CleanupAsync() => await _system.Terminate();

    /// <summary>Fresh writers, recovered (an empty journal) before the clock starts.</summary>
    [IterationSetup(Target = nameof(JournalFromManyWriters))]
    public void StartWriters()
    {
        var round = ++_round;
        _writers = [.. Enumerable.Range(0, Writers).Select(i => _system.ActorOf(JournalWriterActor.PropsFor($"journal-{round}-{i}")))];
        Task.WhenAll(_writers.Select(w => w.Ask<long>(JournalWriterActor.Ping.Instance, Timeout))).GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(JournalFromManyWriters))]
    public void StopWriters()
    {
        foreach (var writer in _writers)
            _system.Stop(writer);
    }

    [IterationSetup(Target = nameof(RawBatchedInsert))]
    public void NextRound() => ++_round;

    [Benchmark(Baseline = true, OperationsPerInvoke = Writers)]
    public Task RawBatchedInsert() => RawJournalInsert.InsertAsync(Settings,
        [.. Enumerable.Range(0, Writers).Select(i => _template with { PersistenceId = $"raw-{_round}-{i}" })]);

    [Benchmark(OperationsPerInvoke = Writers)]
    public void JournalFromManyWriters()
    {
        using var round = new CountdownEvent(Writers);
        for (var i = 0; i < Writers; i++)
            _writers[i].Tell(new JournalWriterActor.WriteOne(Event(i), round));
        if (!round.Wait(Timeout))
            throw new TimeoutException($"{round.CurrentCount} of {Writers} events were not written");
    }

    private static NodeLifecycle.NodeRequested Event(int i) =>
        new($"d1-{i}", "d1", "small", i, $"d1_{i}", $"d1-{i}.paas.example.com", DateTimeOffset.UtcNow);
}
