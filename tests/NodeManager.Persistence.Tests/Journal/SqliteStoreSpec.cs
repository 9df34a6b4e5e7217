using System.Data.Common;
using Microsoft.Data.Sqlite;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Journal;

public sealed class SqliteStoreSpec : SqlStoreContractSpec
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-persistence-tests", Guid.NewGuid().ToString("N"));

    // A short busy timeout, so that a locking mistake fails the test in seconds instead of 30.
    private string ConnectionString => $"Data Source={Path.Combine(_folder, "data", "journal.db")};Default Timeout=3";

    protected override StoreSettings JournalOptions =>
        new(PersistencePlugin.Sqlite, ConnectionString, Prefix + "_journal") { SchemaVersionTableName = Prefix + "_schema_version" };

    protected override StoreSettings SnapshotOptions =>
        new(PersistencePlugin.Sqlite, ConnectionString, Prefix + "_snapshot") { SchemaVersionTableName = Prefix + "_schema_version" };

    protected override string LeaseTable => Prefix + "_lease";

    protected override DbConnection Connect() => new SqliteConnection(ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sqlite_journal_must_create_its_file_in_wal_mode_on_first_use()
    {
        Assert.False(File.Exists(Path.Combine(_folder, "data", "journal.db")));

        await WriteAsync(Events("wal-check", 1, 1));

        Assert.True(File.Exists(Path.Combine(_folder, "data", "journal.db")));
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = $"SELECT version FROM {Prefix}_schema_version WHERE table_name = '{Prefix}_journal'";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sqlite_journal_must_hold_the_write_lock_from_the_start_of_a_transaction_with_a_precondition()
    {
        await WriteAsync(Events("lock-setup", 1, 1));
        var otherWriterGotIn = false;

        // The precondition reads, then another connection tries to commit a write (as the snapshot store would).
        // Were the transaction deferred, that commit would succeed and SQLite would then refuse this transaction's
        // upgrade to a write lock (SQLITE_BUSY_SNAPSHOT) until it timed out. Taken at BEGIN, the lock keeps the
        // other writer out until this write is done.
        var precondition = new InterleavedWriter(async () =>
        {
            await using var other = new SqliteConnection(ConnectionString + ";Default Timeout=1");
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = $"INSERT INTO \"{Prefix}_snapshot\" (persistence_id, sequence_number, created, manifest, snapshot) VALUES ('x', 1, 0, 'm', x'00')";
            try
            {
                await command.ExecuteNonQueryAsync();
                otherWriterGotIn = true;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5)
            {
            }
        });
        await Snapshots.LoadAsync("create-the-table", SnapshotSelectionCriteria.Latest);

        var results = await Journal.WriteMessagesAsync([new AtomicWrite(Events("lock-test", 1, 1), precondition)]);

        Assert.Equal([null], results);
        Assert.False(otherWriterGotIn);
    }

    private sealed class InterleavedWriter(Func<Task> interleave) : IWritePrecondition
    {
        public string Description => "reads, then lets another writer try";

        public async ValueTask<bool> IsSatisfiedAsync(WritePreconditionContext context, CancellationToken cancellationToken)
        {
            await using var read = context.Connection!.CreateCommand();
            read.Transaction = context.Transaction;
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync(cancellationToken);
            await interleave();
            return true;
        }
    }
}
