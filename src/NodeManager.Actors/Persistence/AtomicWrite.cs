namespace NodeManager.Actors.Persistence;

/// <summary>
/// The events of one <c>Persist</c>/<c>PersistAll</c>: written in one transaction or not at all, and only when
/// <see cref="Precondition"/> (if any) holds inside that same transaction.
/// </summary>
public sealed record AtomicWrite
{
    public AtomicWrite(IReadOnlyList<PersistentRepr> events, IWritePrecondition? precondition = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        var persistenceId = events[0].PersistenceId;
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].PersistenceId != persistenceId)
                throw new ArgumentException(
                    $"An atomic write covers one persistence id; got '{persistenceId}' and '{events[i].PersistenceId}'.", nameof(events));
            if (events[i].SequenceNr <= events[i - 1].SequenceNr)
                throw new ArgumentException(
                    $"Sequence numbers of an atomic write must ascend; got {events[i - 1].SequenceNr} then {events[i].SequenceNr}.", nameof(events));
        }

        Events = events;
        Precondition = precondition;
    }

    public AtomicWrite(PersistentRepr single, IWritePrecondition? precondition = null)
        : this([single], precondition)
    {
    }

    public IReadOnlyList<PersistentRepr> Events { get; }

    public IWritePrecondition? Precondition { get; }

    public string PersistenceId => Events[0].PersistenceId;

    public long LowestSequenceNr => Events[0].SequenceNr;

    public long HighestSequenceNr => Events[^1].SequenceNr;
}
