using System.Data.Common;

namespace NodeManager.Actors.Persistence;

/// <summary>
/// A condition evaluated by the journal inside the transaction of an <see cref="AtomicWrite"/>, before its events
/// are inserted. False refuses that write with <see cref="WritePreconditionFailedException"/> and leaves the journal
/// untouched. Throwing aborts the whole transaction (treated like a lost connection).
/// The cluster uses it for fencing: a district's writes are accepted only while its writer still holds the lease at
/// its epoch — in PostgreSQL e.g. <c>SELECT 1 FROM district_lease WHERE district=@d AND owner=@o AND epoch=@e AND
/// expires_at &gt; now() FOR SHARE</c> (the row lock makes a concurrent take-over wait for this commit).
/// </summary>
public interface IWritePrecondition
{
    /// <summary>What the condition protects, for error messages (e.g. "lease of district d1 at epoch 4").</summary>
    string Description { get; }

    ValueTask<bool> IsSatisfiedAsync(WritePreconditionContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Where a precondition runs: for SQL stores the open connection and transaction of the write
/// (<see cref="Dialect"/> "sqlite" or "postgresql"); for the in-memory journal both are null and the dialect is "inmem".
/// </summary>
public sealed record WritePreconditionContext(string Dialect, DbConnection? Connection, DbTransaction? Transaction)
{
    public static WritePreconditionContext InMemory { get; } = new("inmem", null, null);
}
