namespace NodeManager.Actors.Persistence;

/// <summary>Snapshots per persistence id, at most one per sequence number (saving again replaces it).</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Stores the snapshot; its timestamp is stamped by the store.</summary>
    Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The snapshot with the highest sequence number matching <paramref name="criteria"/>, or null.</summary>
    Task<StoredSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes the snapshot at exactly <see cref="SnapshotMetadata.SequenceNr"/>; no error when absent.</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of the id matching <paramref name="criteria"/>.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
