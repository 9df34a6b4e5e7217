namespace NodeManager.Actors.Persistence;

/// <summary>Replies the persistence layer sends a persistent actor about its own requests; handling them is optional.</summary>
public interface IPersistenceReply;

/// <summary>Delivered to <c>Recover&lt;RecoveryCompleted&gt;</c> once the snapshot and every later event are applied.</summary>
public sealed class RecoveryCompleted
{
    public static RecoveryCompleted Instance { get; } = new();

    private RecoveryCompleted()
    {
    }
}

public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata) : IPersistenceReply;

public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause) : IPersistenceReply;

public sealed record DeleteMessagesSuccess(long ToSequenceNr) : IPersistenceReply;

public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr) : IPersistenceReply;
