using System.Collections.Concurrent;
using Akka.Persistence;
using Akka.Persistence.TestKit;

namespace NodeManager.Core.Tests.Support;

/// <summary>A TestJournal interceptor that fails the <c>write</c>-th write of each of the given persistence ids, once each; every other write passes.</summary>
internal sealed class FailWriteOnce(int write, params string[] persistenceIds) : IJournalInterceptor
{
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private int _struck;

    /// <summary>Every persistence id's write has been failed.</summary>
    public bool Struck => Volatile.Read(ref _struck) == persistenceIds.Length;

    public Task InterceptAsync(IPersistentRepresentation message)
    {
        if (!persistenceIds.Contains(message.PersistenceId) || _writes.AddOrUpdate(message.PersistenceId, 1, (_, n) => n + 1) != write)
            return Task.CompletedTask;
        Interlocked.Increment(ref _struck);
        return Task.FromException(new TestJournalFailureException($"write {write} failed"));
    }
}
