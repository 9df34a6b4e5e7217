using System.Data.Common;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// Creates a store's table on first use (when <c>auto-initialize</c> is on) and records its version in the
/// schema-version table, so a later release can tell which migration a database needs. Refuses a database written
/// by a newer release.
/// </summary>
internal sealed class SqlSchema(SqlDialect dialect, StoreSettings settings, string createTableSql, TimeProvider time) : IDisposable
{
    /// <summary>The layout this release writes; bump it together with a migration.</summary>
    public const int CurrentVersion = 1;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready || !settings.AutoInitialize)
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
                return;
            await dialect.PrepareStoreAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await DbCommands.OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await CreateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task CreateAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var versions = dialect.Table(settings.SchemaVersionTableName);
        foreach (var sql in dialect.InitializePrologue("nodemanager-persistence-schema"))
            await DbCommands.ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {versions} (table_name TEXT NOT NULL PRIMARY KEY, version {dialect.BigInt} NOT NULL, applied_at {dialect.BigInt} NOT NULL)",
            cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, transaction, createTableSql, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, transaction,
            $"INSERT INTO {versions} (table_name, version, applied_at) VALUES (@table, @version, @now) ON CONFLICT (table_name) DO NOTHING",
            cancellationToken, ("table", settings.TableName), ("version", (long)CurrentVersion), ("now", time.GetUtcNow().ToUnixTimeMilliseconds()))
            .ConfigureAwait(false);

        await using var read = DbCommands.Create(connection, transaction,
            $"SELECT version FROM {versions} WHERE table_name = @table", ("table", settings.TableName));
        var stored = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (stored > CurrentVersion)
            throw new InvalidOperationException(
                $"Table {dialect.Table(settings.TableName)} has schema version {stored}; this release knows up to {CurrentVersion}. " +
                "Run the newer release or restore a matching database.");
    }
}
