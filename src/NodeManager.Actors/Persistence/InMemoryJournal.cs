using System.Runtime.CompilerServices;

namespace NodeManager.Actors.Persistence;

/// <summary>
/// A journal held in process memory, for tests. Same contract as the SQL journals: a call's writes are staged and
/// applied together only when every precondition was evaluated without throwing (a throw aborts the whole call).
/// </summary>
public sealed class InMemoryJournal(TimeProvider? timeProvider = null) : IJournal
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly Dictionary<string, SortedDictionary<long, PersistentRepr>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deletedUpTo = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(
        IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var results = new Exception?[writes.Count];
            var staged = new List<PersistentRepr>();
            var stagedKeys = new HashSet<(string, long)>();
            var now = _time.GetUtcNow();
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (write.Precondition is { } precondition &&
                    !await precondition.IsSatisfiedAsync(WritePreconditionContext.InMemory, cancellationToken).ConfigureAwait(false))
                {
                    results[i] = new WritePreconditionFailedException(write.PersistenceId, write.LowestSequenceNr, precondition.Description);
                    continue;
                }

                var conflict = write.Events.FirstOrDefault(e => Exists(e.PersistenceId, e.SequenceNr) || stagedKeys.Contains((e.PersistenceId, e.SequenceNr)));
                if (conflict is not null)
                {
                    results[i] = new PersistenceConcurrencyException(conflict.PersistenceId, conflict.SequenceNr);
                    continue;
                }

                foreach (var e in write.Events)
                {
                    staged.Add(e with { Timestamp = now });
                    stagedKeys.Add((e.PersistenceId, e.SequenceNr));
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            lock (_stateLock)
            {
                foreach (var e in staged)
                {
                    if (!_events.TryGetValue(e.PersistenceId, out var stream))
                        _events[e.PersistenceId] = stream = new SortedDictionary<long, PersistentRepr>();
                    stream[e.SequenceNr] = e;
                    _highest[e.PersistenceId] = Math.Max(_highest.GetValueOrDefault(e.PersistenceId), e.SequenceNr);
                }
            }

            return results;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        PersistentRepr[] selected;
        lock (_stateLock)
        {
            selected = _events.TryGetValue(persistenceId, out var stream)
                ? stream.Values.Where(e => e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr)
                    .Take((int)Math.Min(max, int.MaxValue)).ToArray()
                : [];
        }

        foreach (var e in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
            return Task.FromResult(_highest.GetValueOrDefault(persistenceId));
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            if (_events.TryGetValue(persistenceId, out var stream))
            {
                foreach (var nr in stream.Keys.Where(nr => nr <= toSequenceNr).ToList())
                    stream.Remove(nr);
            }

            var upTo = Math.Min(toSequenceNr, _highest.GetValueOrDefault(persistenceId));
            _deletedUpTo[persistenceId] = Math.Max(_deletedUpTo.GetValueOrDefault(persistenceId), upTo);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool Exists(string persistenceId, long sequenceNr)
    {
        lock (_stateLock)
        {
            // A deleted number stays taken: deletion must never let a second writer reuse it.
            return (_events.TryGetValue(persistenceId, out var stream) && stream.ContainsKey(sequenceNr)) ||
                   sequenceNr <= _deletedUpTo.GetValueOrDefault(persistenceId);
        }
    }
}
