using BenchmarkDotNet.Attributes;
using NodeManager.Persistence;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// A benchmark over each SQL store, in a scope (SQLite file / PostgreSQL schema) of its own that is dropped afterwards.
/// Subclasses name their job: BenchmarkDotNet would add a base class's to theirs.
/// </summary>
public abstract class StoreBenchmark
{
    protected string Scope { get; } = "bench_" + Guid.NewGuid().ToString("N")[..10];

    [Params(JournalBackend.Sqlite, JournalBackend.PostgreSql)]
    public JournalBackend Store { get; set; }

    protected JournalSettings Settings => BenchmarkStores.Settings(Store, Scope);

    // Synchronous on purpose: the in-process toolchain does not await an async GlobalSetup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        CleanupAsync().GetAwaiter().GetResult();
        BenchmarkStores.DropAsync(Store, Scope).GetAwaiter().GetResult();
    }

    protected abstract Task SetupAsync();

    protected abstract Task CleanupAsync();
}
