namespace NodeManager.Actors.Persistence;

/// <summary>
/// An event journal in the style of Akka.Persistence: per persistence id a gap-free run of sequence numbers,
/// unique together with the id (optimistic concurrency: a second writer of the same number is refused).
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>
    /// Writes many atomic writes, usually in one store round-trip. The result has one entry per write, in order:
    /// <c>null</c> when it is durable, otherwise why it alone was not written
    /// (<see cref="PersistenceConcurrencyException"/>, <see cref="WritePreconditionFailedException"/>,
    /// <see cref="PersistenceRejectedException"/>); one refused write never fails the others.
    /// The task itself faults when the store failed as a whole (connection lost, transaction aborted, a precondition
    /// threw): then none of the writes was committed.
    /// </summary>
    Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the events of <paramref name="persistenceId"/> with <paramref name="fromSequenceNr"/> ≤ nr ≤
    /// <paramref name="toSequenceNr"/>, ascending, at most <paramref name="max"/> of them; deleted events are skipped.
    /// </summary>
    IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever written for the id (also when deleted), 0 when none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every event up to and including <paramref name="toSequenceNr"/>; the highest number stays known.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
