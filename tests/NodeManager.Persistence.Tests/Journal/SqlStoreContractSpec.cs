using System.Data.Common;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Journal;

/// <summary>
/// The contract on a SQL store, with tables of its own per test (a prefix, and for PostgreSQL a schema) so that
/// suites running in parallel never meet. The lease precondition is real SQL on a lease table in the same store.
/// </summary>
public abstract class SqlStoreContractSpec : StoreContractSpec
{
    protected string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    protected abstract StoreSettings JournalOptions { get; }

    protected abstract StoreSettings SnapshotOptions { get; }

    protected abstract string LeaseTable { get; }

    protected abstract DbConnection Connect();

    protected override IJournal OpenJournal() => new SqlJournal(JournalOptions);

    protected override ISnapshotStore OpenSnapshotStore() => new SqlSnapshotStore(SnapshotOptions);

    protected override async Task<FencingLease> CreateLeaseAsync()
    {
        // First use creates the store (file, schema), where the lease table then lives beside the journal.
        await Journal.ReadHighestSequenceNrAsync("lease-setup");
        await ExecuteAsync($"CREATE TABLE {LeaseTable} (district TEXT NOT NULL PRIMARY KEY, owner TEXT NOT NULL, epoch BIGINT NOT NULL)");
        await ExecuteAsync($"INSERT INTO {LeaseTable} (district, owner, epoch) VALUES ('d1', 'member-a', 4)");
        var sql = $"SELECT 1 FROM {LeaseTable} WHERE district = @d AND owner = @o AND epoch = @e";
        var precondition = new SqlWritePrecondition(
            "lease of district d1 at epoch 4",
            new Dictionary<string, string> { ["sqlite"] = sql, ["postgresql"] = sql + " FOR SHARE" },
            new Dictionary<string, object?> { ["d"] = "d1", ["o"] = "member-a", ["e"] = 4L });
        return new FencingLease(precondition, () => ExecuteAsync($"UPDATE {LeaseTable} SET owner = 'member-b', epoch = 5"));
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
