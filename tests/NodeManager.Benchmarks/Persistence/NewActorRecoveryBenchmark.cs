using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// What a brand-new persistent actor (every new node) pays before its first write: Akka recovers it all the same,
/// asking the snapshot store for its latest snapshot and the journal for its highest sequence number (at most
/// <c>akka.persistence.max-concurrent-recoveries</c> at a time). <see cref="Actors"/> new actors at once, recovered and
/// answering; with the product's configuration (on SQLite its read transactions are deferred), and with the snapshot
/// lookup skipped as node actors do (an actor type that never takes snapshots names Akka's no-snapshot store).
/// Baseline: the journal's highest-sequence-number query, sent as raw SQL for as many persistence ids, one after the
/// other on one connection.
/// </summary>
[Config(typeof(ShortJobs.Database))]
public class NewActorRecoveryBenchmark : StoreBenchmark
{
    private const int Actors = 1_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private ActorSystem _system = null!;
    private IActorRef[] _actors = [];
    private int _round;

    protected override Task SetupAsync()
    {
        _system = BenchmarkStores.StartSystem(Settings, "new-actors");
        // The tables exist once the journal and the snapshot store have answered a first recovery.
        Recover(_system, snapshots: true);
        StopActors();
        return Task.CompletedTask;
    }

    protected override async Task CleanupAsync()
    {
        await _system.Terminate();
    }

    [IterationSetup]
    public void NextRound() => ++_round;

    [IterationCleanup]
    public void StopActors()
    {
        foreach (var actor in _actors)
            actor.Tell(PoisonPill.Instance);
        _actors = [];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors)]
    public async Task<long> RawHighestSequenceNrQueries()
    {
        await using var connection = BenchmarkStores.Connect(Settings);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT MAX(sequence_number) FROM {BenchmarkStores.JournalTable(Settings)} WHERE persistence_id = @pid";
        var pid = query.CreateParameter();
        pid.ParameterName = "pid";
        query.Parameters.Add(pid);
        var found = 0L;
        for (var i = 0; i < Actors; i++)
        {
            pid.Value = $"raw-{_round}-{i}";
            found += await query.ExecuteScalarAsync() is long highest ? highest : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Actors)]
    public void NewActors() => Recover(_system, snapshots: true);

    [Benchmark(OperationsPerInvoke = Actors)]
    public void NewActorsWithoutSnapshotStore() => Recover(_system, snapshots: false);

    private void Recover(ActorSystem system, bool snapshots)
    {
        var round = ++_round;
        _actors = [.. Enumerable.Range(0, Actors).Select(i => system.ActorOf(JournalWriterActor.PropsFor($"new-{round}-{i}", snapshots)))];
        var recovered = Task.WhenAll(_actors.Select(a => a.Ask<long>(JournalWriterActor.Ping.Instance, Timeout))).GetAwaiter().GetResult();
        if (recovered.Any(nr => nr != 0))
            throw new InvalidOperationException("a new actor recovered events it never wrote");
    }
}
