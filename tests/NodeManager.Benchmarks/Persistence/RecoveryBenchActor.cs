using NodeManager.Actors.Persistence;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>A persistent actor with a small folded state, shaped like a node's lifecycle: it signals when recovered.</summary>
public sealed class RecoveryBenchActor : ReceivePersistentActor
{
    private RecoveryBenchState _state = new(0, "");

    public RecoveryBenchActor(string persistenceId, TaskCompletionSource<RecoveryBenchState> recovered)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer => _state = (RecoveryBenchState)offer.Snapshot);
        Recover<RecoveryBenchEvent>(e => _state = new RecoveryBenchState(_state.Count + 1, e.Step));
        Recover<RecoveryCompleted>(_ => recovered.TrySetResult(_state));
    }

    public override string PersistenceId { get; }

    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<RecoveryBenchEvent>("bench.step-taken.v1")
        .Register<RecoveryBenchState>("bench.state.v1");
}

public sealed record RecoveryBenchEvent(string Step, string Server, int Attempt);

public sealed record RecoveryBenchState(long Count, string LastStep);
