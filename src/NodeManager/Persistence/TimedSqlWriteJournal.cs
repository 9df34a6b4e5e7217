using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Persistence;
using Akka.Persistence.Sql.Journal;

namespace NodeManager.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal, timing each batch write: from the moment the journal hands a batch of events
/// (one or more actors' <c>Persist</c> calls, as Akka batches them) to its store until the store confirms or fails it.
/// That includes the wait in the plugin's own write queue and the database round trip, but not the time an actor's
/// write waits in the journal's mailbox, nor the actor's handling of the confirmation. Writes nothing differently.
/// </summary>
/// <remarks>Akka.Persistence.Sql has no hook of its own for this; the plugin is configured by class name in
/// <see cref="JournalSettings.ToAkkaConfig"/>.</remarks>
public sealed class TimedSqlWriteJournal(Akka.Configuration.Config journalConfig) : SqlWriteJournal(journalConfig)
{
    protected override async Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await base.WriteMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
            JournalMetrics.RecordWrite(Stopwatch.GetElapsedTime(started), failed: AnyRejected(results));
            return results;
        }
        catch
        {
            JournalMetrics.RecordWrite(Stopwatch.GetElapsedTime(started), failed: true);
            throw;
        }
    }

    // Akka's contract: null when all succeeded, else one entry per AtomicWrite, null where that write succeeded.
    private static bool AnyRejected(IImmutableList<Exception>? results) => results is not null && results.Any(r => r is not null);
}
