using Microsoft.Extensions.Logging;

namespace NodeManager.Core.Serialization;

/// <summary>
/// The warnings a persistent actor of the controller writes when its journal fails: one line per failure, naming the
/// persistence id and sequence number, without a stack trace (the actor stops and its parent starts it again).
/// </summary>
internal static partial class JournalFailureLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failure}")]
    public static partial void RecoveryFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{PersistenceId}: journal write of {Event} (sequence number {SequenceNr}) failed, stopping until the journal answers: {Reason}")]
    public static partial void PersistFailed(ILogger logger, string persistenceId, long sequenceNr, string @event, string reason);
}
