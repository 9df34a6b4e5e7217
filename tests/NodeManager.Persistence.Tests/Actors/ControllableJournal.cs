using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Tests.Actors;

/// <summary>
/// An in-memory journal with knobs: hold writes until released, or fail the next writes as a lost connection would.
/// </summary>
public sealed class ControllableJournal : IJournal
{
    private readonly InMemoryJournal _inner = new();
    private TaskCompletionSource _gate = Open();
    private int _failNext;
    private int _waiting;

    public InMemoryJournal Inner => _inner;

    /// <summary>Writes wait from now on until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public void FailNextWrites(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>How many writes are held at the gate right now.</summary>
    public int WritesWaiting => Volatile.Read(ref _waiting);

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _waiting);
        await _gate.Task.WaitAsync(cancellationToken);
        Interlocked.Decrement(ref _waiting);
        if (Interlocked.Decrement(ref _failNext) >= 0)
            throw new InvalidOperationException("simulated journal failure: connection lost");
        return await _inner.WriteMessagesAsync(writes, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        _inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        _inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
