namespace NodeManager.Core.Serialization;

/// <summary>
/// Names where a persistent actor's recovery stopped. Akka hands <c>OnRecoveryFailure(cause, message)</c> only the
/// cause when the journal cannot read an event (an unknown manifest, an unreadable payload), and the cause knows the
/// manifest but not whose event it was; the actor adds its persistence id and the last sequence number it recovered.
/// </summary>
public static class RecoveryFailure
{
    /// <summary>
    /// "Recovery of persistence id X stopped after sequence number N: cause" when the journal failed
    /// (<paramref name="message"/> null: the event after N could not be read), or "… stopped at sequence number N
    /// (event Type): cause" when the actor's own handler threw on replayed event N.
    /// </summary>
    /// <param name="lastSequenceNr">The actor's <c>LastSequenceNr</c> when <c>OnRecoveryFailure</c> is called.</param>
    public static string Describe(string persistenceId, long lastSequenceNr, Exception cause, object? message = null)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var where = message is null
            ? $"after sequence number {lastSequenceNr}"
            : $"at sequence number {lastSequenceNr} (event {message.GetType().Name})";
        return $"Recovery of persistence id '{persistenceId}' stopped {where}: {Innermost(cause).Message}";
    }

    private static Exception Innermost(Exception cause) =>
        cause is AggregateException { InnerExceptions.Count: 1 } aggregate ? Innermost(aggregate.InnerExceptions[0]) : cause;
}
