namespace NodeManager.Actors.Persistence;

/// <summary>Identifies a snapshot: the actor's state right after event <paramref name="SequenceNr"/>.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp = default);

/// <summary>A snapshot in its stored form.</summary>
public sealed record StoredSnapshot(SnapshotMetadata Metadata, string Manifest, byte[] Payload);

/// <summary>Offered to <c>Recover&lt;SnapshotOffer&gt;</c> before the events that follow it are replayed.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);
