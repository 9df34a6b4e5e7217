using Akka.Configuration;
using NodeManager.Persistence;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Akka.Persistence.Sql settings the product does not set yet, measured beside its configuration to show what they would
/// give. Its journal queues at most <c>buffer-size</c> (5,000) writes and fails the rest ("the queue buffer was full"),
/// which stops their actors and, after ten failures, opens the journal's circuit breaker for every actor: ten thousand
/// nodes starting at once overflow it as soon as recovery stops holding them back. On SQLite, Akka.Persistence.Sql's read transactions (isolation "unspecified") become Microsoft.Data.Sqlite's
/// <c>BEGIN IMMEDIATE</c>, which takes the database's write lock, and a connection that finds it taken sleeps 150 ms
/// before trying again: concurrent recoveries queue behind each other. "read-uncommitted" begins them deferred (in WAL
/// mode a reader still sees one consistent snapshot), and one writer at a time matches SQLite's single write lock.
/// </summary>
public static class SuggestedJournalTuning
{
    public static Config For(JournalBackend backend)
    {
        var buffer = ConfigurationFactory.ParseString("akka.persistence.journal.sql.buffer-size = 100000");
        return backend == JournalBackend.Sqlite
            ? ConfigurationFactory.ParseString("""
                akka.persistence.journal.sql.read-isolation-level = read-uncommitted
                akka.persistence.journal.sql.parallelism = 1
                akka.persistence.snapshot-store.sql.read-isolation-level = read-uncommitted
                """).WithFallback(buffer)
            : buffer;
    }
}
