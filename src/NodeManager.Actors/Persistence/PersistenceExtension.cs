namespace NodeManager.Actors.Persistence;

/// <summary>
/// The persistence wiring of one actor system: the stores and serializer every persistent actor in it uses.
/// Register once at start-up: <c>system.RegisterExtension(new PersistenceExtension(journal, snapshots, serializer, options))</c>.
/// Disposing it disposes both stores (idempotent); whoever created the stores decides when (after the system stopped).
/// </summary>
public sealed class PersistenceExtension(
    IJournal journal,
    ISnapshotStore snapshotStore,
    EventSerializer serializer,
    PersistenceOptions? options = null) : IAsyncDisposable
{
    private int _disposed;

    public IJournal Journal { get; } = journal ?? throw new ArgumentNullException(nameof(journal));

    public ISnapshotStore SnapshotStore { get; } = snapshotStore ?? throw new ArgumentNullException(nameof(snapshotStore));

    public EventSerializer Serializer { get; } = serializer ?? throw new ArgumentNullException(nameof(serializer));

    public PersistenceOptions Options { get; } = options ?? new PersistenceOptions();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await Journal.DisposeAsync().ConfigureAwait(false);
        await SnapshotStore.DisposeAsync().ConfigureAwait(false);
    }
}
