namespace NodeManager.Persistence;

/// <summary>Which database holds a store (<c>plugin = sqlite | postgresql</c>).</summary>
public enum JournalBackend
{
    /// <summary>One embedded file; one process at a time (<see cref="SqliteJournalLock"/>).</summary>
    Sqlite,

    /// <summary>A server every member of a cluster shares.</summary>
    PostgreSql,
}
