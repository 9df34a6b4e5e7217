namespace NodeManager.Actors.Persistence;

/// <summary>Base of every error the persistence layer raises on purpose.</summary>
public class PersistenceException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The unique (persistence_id, sequence_number) refused a write: another writer got there first, so this writer's
/// view of the actor's history is stale.
/// </summary>
public sealed class PersistenceConcurrencyException(string persistenceId, long sequenceNr, Exception? innerException = null)
    : PersistenceException(
        $"Sequence number {sequenceNr} of '{persistenceId}' is already written: a second writer for this persistence id was refused.",
        innerException)
{
    public string PersistenceId { get; } = persistenceId;

    public long SequenceNr { get; } = sequenceNr;
}

/// <summary>The write's precondition was false inside the transaction; nothing of the write was stored.</summary>
public sealed class WritePreconditionFailedException(string persistenceId, long sequenceNr, string precondition)
    : PersistenceException(
        $"Write of '{persistenceId}' at sequence number {sequenceNr} refused: precondition '{precondition}' no longer holds.")
{
    public string PersistenceId { get; } = persistenceId;

    public long SequenceNr { get; } = sequenceNr;

    public string Precondition { get; } = precondition;
}

/// <summary>The event could not be stored (it cannot be serialized); the actor logs it and carries on.</summary>
public sealed class PersistenceRejectedException(string message, Exception? innerException = null)
    : PersistenceException(message, innerException);

/// <summary>A stored event or snapshot could not be turned back into an object; recovery stops, nothing is skipped.</summary>
public class EventDeserializationException : PersistenceException
{
    public EventDeserializationException(string persistenceId, long sequenceNr, string manifest, Exception? innerException)
        : this(persistenceId, sequenceNr, manifest,
            $"Cannot read event {sequenceNr} of '{persistenceId}' (manifest '{manifest}'): {innerException?.Message}", innerException)
    {
    }

    protected EventDeserializationException(
        string persistenceId, long sequenceNr, string manifest, string message, Exception? innerException)
        : base(message, innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Manifest = manifest;
    }

    public string PersistenceId { get; }

    public long SequenceNr { get; }

    public string Manifest { get; }
}

/// <summary>No type and no upcaster is registered for a stored manifest.</summary>
public sealed class UnknownEventManifestException(string persistenceId, long sequenceNr, string manifest)
    : EventDeserializationException(persistenceId, sequenceNr, manifest,
        $"Unknown manifest '{manifest}' at sequence number {sequenceNr} of '{persistenceId}': " +
        "register its type (EventTypeRegistry.Register) or an upcaster for it.", null);
