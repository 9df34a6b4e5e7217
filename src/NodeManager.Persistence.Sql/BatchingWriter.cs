using System.Threading.Channels;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// Coalesces the writes of many callers (actors) into few store round-trips: callers enqueue their atomic writes,
/// one loop drains whatever is pending (up to <c>batchSize</c> atomic writes, never splitting a caller's request)
/// into one call of the write function, and hands every caller its own per-write results.
/// </summary>
internal sealed class BatchingWriter : IAsyncDisposable
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<AtomicWrite>, CancellationToken, Task<IReadOnlyList<Exception?>>> _write;
    private readonly int _batchSize;
    private readonly Task _loop;

    public BatchingWriter(int batchSize, Func<IReadOnlyList<AtomicWrite>, CancellationToken, Task<IReadOnlyList<Exception?>>> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _write = write;
        _loop = Task.Run(RunAsync);
    }

    public Task<IReadOnlyList<Exception?>> EnqueueAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
            return Task.FromResult<IReadOnlyList<Exception?>>([]);
        var pending = new Pending(writes, new TaskCompletionSource<IReadOnlyList<Exception?>>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_pending.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(BatchingWriter), "The journal is stopped.");
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        Pending? carried = null;
        while (carried is not null || await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Writes.Count;
                carried = null;
            }

            while (count < _batchSize && _pending.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                if (count > 0 && count + next.Writes.Count > _batchSize)
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                count += next.Writes.Count;
            }

            if (batch.Count > 0)
                await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var all = batch.Count == 1 ? batch[0].Writes : batch.SelectMany(p => p.Writes).ToList();
        try
        {
            var results = await _write(all, CancellationToken.None).ConfigureAwait(false);
            var offset = 0;
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(results.Skip(offset).Take(pending.Writes.Count).ToArray());
                offset += pending.Writes.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
                pending.Completion.TrySetException(e);
        }
    }

    private sealed record Pending(
        IReadOnlyList<AtomicWrite> Writes,
        TaskCompletionSource<IReadOnlyList<Exception?>> Completion,
        CancellationToken CancellationToken);
}
