namespace NodeManager.Persistence;

/// <summary>
/// The journal cannot be used: the store is unreachable, refuses the credentials, cannot be created, or (SQLite) is
/// in use by another process. The message names the store (never its password) and the reason, ready for an operator.
/// </summary>
public sealed class JournalUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
