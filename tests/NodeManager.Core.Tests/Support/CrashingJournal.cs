using NodeManager.Actors.Persistence;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// A journal that "crashes the process" at one write of one persistence id: either right after that write is durable
/// or right before it reaches the store. From then on every write hangs forever, as if the process had died —
/// persist-first means the actor makes no further cloud call. <see cref="Crashed"/> completes at the crash point.
/// </summary>
internal sealed class CrashingJournal(IJournal inner, string persistenceId, int crashAtWrite, bool before) : IJournal
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public Task Crashed => _crashed.Task;

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        if (_crashed.Task.IsCompleted) return await Hang();
        var ours = writes.Any(w => w.Events[0].PersistenceId == persistenceId);
        var number = ours ? Interlocked.Increment(ref _writes) : 0;
        if (ours && before && number == crashAtWrite)
        {
            _crashed.TrySetResult();
            return await Hang();
        }

        var result = await inner.WriteMessagesAsync(writes, cancellationToken);
        if (ours && !before && number == crashAtWrite) _crashed.TrySetResult();
        return result;
    }

    public IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(string id, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        inner.ReplayMessagesAsync(id, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string id, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(id, cancellationToken);

    public Task DeleteMessagesToAsync(string id, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(id, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<IReadOnlyList<Exception?>> Hang() => new TaskCompletionSource<IReadOnlyList<Exception?>>().Task;
}
