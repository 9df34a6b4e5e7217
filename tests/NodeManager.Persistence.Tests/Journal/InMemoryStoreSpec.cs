using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Journal;

public sealed class InMemoryStoreSpec : StoreContractSpec
{
    // A process restart cannot be simulated in memory: "reopening" sees the same instance, which is what the
    // abort test needs (nothing of the aborted batch may be visible in it).
    private readonly InMemoryJournal _journal = new();

    protected override IJournal OpenJournal() => _journal;

    protected override ISnapshotStore OpenSnapshotStore() => new InMemorySnapshotStore();

    protected override Task<FencingLease> CreateLeaseAsync()
    {
        var held = true;
        return Task.FromResult(new FencingLease(
            new DelegateWritePrecondition("lease of district test at epoch 1", () => held),
            () =>
            {
                held = false;
                return Task.CompletedTask;
            }));
    }
}
