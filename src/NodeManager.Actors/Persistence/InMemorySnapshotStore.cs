namespace NodeManager.Actors.Persistence;

/// <summary>Snapshots held in process memory, for tests.</summary>
public sealed class InMemorySnapshotStore(TimeProvider? timeProvider = null) : ISnapshotStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<long, StoredSnapshot>> _snapshots = new(StringComparer.Ordinal);

    public Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stamped = snapshot with { Metadata = snapshot.Metadata with { Timestamp = _time.GetUtcNow() } };
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(stamped.Metadata.PersistenceId, out var stream))
                _snapshots[stamped.Metadata.PersistenceId] = stream = new SortedDictionary<long, StoredSnapshot>();
            stream[stamped.Metadata.SequenceNr] = stamped;
        }

        return Task.CompletedTask;
    }

    public Task<StoredSnapshot?> LoadAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var found = _snapshots.TryGetValue(persistenceId, out var stream)
                ? stream.Values.LastOrDefault(s => criteria.Matches(s.Metadata))
                : null;
            return Task.FromResult(found);
        }
    }

    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_snapshots.TryGetValue(metadata.PersistenceId, out var stream))
                stream.Remove(metadata.SequenceNr);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_snapshots.TryGetValue(persistenceId, out var stream))
            {
                foreach (var nr in stream.Values.Where(s => criteria.Matches(s.Metadata)).Select(s => s.Metadata.SequenceNr).ToList())
                    stream.Remove(nr);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
