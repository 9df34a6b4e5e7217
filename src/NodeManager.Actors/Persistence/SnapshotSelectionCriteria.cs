namespace NodeManager.Actors.Persistence;

/// <summary>Bounds (inclusive) on the snapshots to load or delete; the latest within them wins on load.</summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr,
    DateTimeOffset MaxTimestamp,
    long MinSequenceNr = 0,
    DateTimeOffset MinTimestamp = default)
{
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    /// <summary>Selects nothing: recovery without a snapshot.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0, DateTimeOffset.MinValue);

    public bool Matches(SnapshotMetadata metadata) =>
        metadata.SequenceNr >= MinSequenceNr && metadata.SequenceNr <= MaxSequenceNr &&
        metadata.Timestamp >= MinTimestamp && metadata.Timestamp <= MaxTimestamp;
}
