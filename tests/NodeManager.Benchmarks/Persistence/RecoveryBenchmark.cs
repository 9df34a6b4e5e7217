using BenchmarkDotNet.Attributes;
using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Start-to-RecoveryCompleted of one persistent actor with 10,000 journaled events: full replay (baseline) against a
/// snapshot at 9,500 plus the 500 events after it (the worst case of snapshot-every = 500). Target: ≤ 100 ms with the
/// snapshot.
/// </summary>
public class RecoveryBenchmark : StoreBenchmark
{
    private const int Events = 10_000;
    private const int SnapshotAt = 9_500;
    private const string WithSnapshotId = "with-snapshot";
    private const string WithoutSnapshotId = "without-snapshot";

    private ActorSystem _system = null!;
    private PersistenceExtension _persistence = null!;

    protected override async Task SetupAsync()
    {
        _system = ActorSystem.Create("bench");
        var settings = PersistenceSettings.Default with
        {
            Journal = BenchmarkStores.Journal(Store, Scope),
            SnapshotStore = BenchmarkStores.Snapshots(Store, Scope),
            SnapshotEvery = 0,
        };
        _persistence = _system.AddPersistence(settings, RecoveryBenchActor.Registry());
        await WriteHistoryAsync(WithSnapshotId);
        await WriteHistoryAsync(WithoutSnapshotId);
        var (manifest, payload) = _persistence.Serializer.Serialize(new RecoveryBenchState(SnapshotAt, "step-" + SnapshotAt));
        await _persistence.SnapshotStore.SaveAsync(new StoredSnapshot(new SnapshotMetadata(WithSnapshotId, SnapshotAt), manifest, payload));
    }

    protected override async Task CleanupAsync()
    {
        await _system.Terminate();
        await _persistence.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<RecoveryBenchState> FullReplayOf10000Events() => RecoverAsync(WithoutSnapshotId);

    [Benchmark]
    public Task<RecoveryBenchState> SnapshotPlus500Events() => RecoverAsync(WithSnapshotId);

    private async Task<RecoveryBenchState> RecoverAsync(string persistenceId)
    {
        var recovered = new TaskCompletionSource<RecoveryBenchState>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system.ActorOf(Props.Create(() => new RecoveryBenchActor(persistenceId, recovered)));
        var state = await recovered.Task;
        _system.Stop(actor);
        return state.Count == Events ? state : throw new InvalidOperationException($"recovered {state.Count} events, expected {Events}");
    }

    private async Task WriteHistoryAsync(string persistenceId)
    {
        for (var start = 1; start <= Events; start += 100)
        {
            var events = Enumerable.Range(start, 100).Select(nr =>
            {
                var (manifest, payload) = _persistence.Serializer.Serialize(new RecoveryBenchEvent("step-" + nr, "nm-node-17", 1));
                return new PersistentRepr(persistenceId, nr, manifest, payload, "bench");
            }).ToList();
            var results = await _persistence.Journal.WriteMessagesAsync([new AtomicWrite(events)]);
            if (results[0] is { } error)
                throw error;
        }
    }
}
