using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NodeManager.Persistence.Sql;

internal sealed class SqliteDialect(StoreSettings settings) : SqlDialect
{
    private const int SqliteConstraint = 19;

    public override string Name => "sqlite";

    public override DbConnection CreateConnection() => new SqliteConnection(settings.ConnectionString);

    public override string Table(string table) => Quote(table);

    public override string AutoIncrementKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string BigInt => "INTEGER";

    public override string Blob => "BLOB";

    public override string Boolean => "INTEGER";

    public override IEnumerable<string> InitializePrologue(string lockName) => [];

    public override async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var inMemory = dataSource.Length == 0 || dataSource == ":memory:" ||
                       dataSource.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase);
        if (inMemory)
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        // WAL is a property of the file: readers (recovery) never block the writer and the writer never blocks them.
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // IMMEDIATE: take the write lock at BEGIN. A deferred transaction that reads first (a precondition, the schema
    // check) and writes later cannot wait for the lock once another writer committed (SQLITE_BUSY_SNAPSHOT in WAL).
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };
}
