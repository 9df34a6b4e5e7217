using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// The SQLite / PostgreSQL journal, in the layout of Akka.Persistence.Sql:
/// <c>journal(ordering, persistence_id, sequence_number, deleted, created, manifest, message, writer_uuid)</c> with
/// UNIQUE (persistence_id, sequence_number). Writes of all callers go through one batching writer: each drained batch
/// is one transaction in which every atomic write has its precondition checked and its rows inserted; a refused write
/// leaves no row behind and does not fail the others.
/// </summary>
public sealed partial class SqlJournal : IJournal
{
    private readonly StoreSettings _settings;
    private readonly SqlDialect _dialect;
    private readonly SqlSchema _schema;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly BatchingWriter _writer;
    private readonly string _table;
    private readonly string _insertSql;

    private static readonly string[] InsertParameters = ["pid", "seq", "created", "manifest", "message", "writer"];

    public SqlJournal(StoreSettings settings, TimeProvider? timeProvider = null, ILogger<SqlJournal>? logger = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _dialect = SqlDialect.For(settings);
        _time = timeProvider ?? TimeProvider.System;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _table = _dialect.Table(settings.TableName);
        _schema = new SqlSchema(_dialect, settings, $"""
            CREATE TABLE IF NOT EXISTS {_table} (
                ordering {_dialect.AutoIncrementKey},
                persistence_id TEXT NOT NULL,
                sequence_number {_dialect.BigInt} NOT NULL,
                deleted {_dialect.Boolean} NOT NULL DEFAULT FALSE,
                created {_dialect.BigInt} NOT NULL,
                manifest TEXT NOT NULL,
                message {_dialect.Blob} NOT NULL,
                writer_uuid TEXT NOT NULL,
                UNIQUE (persistence_id, sequence_number))
            """, _time);
        _insertSql = $"""
            INSERT INTO {_table} (persistence_id, sequence_number, deleted, created, manifest, message, writer_uuid)
            VALUES (@pid, @seq, FALSE, @created, @manifest, @message, @writer)
            """;
        _writer = new BatchingWriter(settings.BatchSize, WriteBatchAsync);
        LogStarted(_log, settings.ToString());
    }

    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return _writer.EnqueueAsync(writes, cancellationToken);
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (max <= 0 || toSequenceNr < fromSequenceNr)
            yield break;
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await using var command = DbCommands.Create(connection, null,
            $"""
            SELECT sequence_number, manifest, message, writer_uuid, created FROM {_table}
            WHERE persistence_id = @pid AND deleted = FALSE AND sequence_number >= @from AND sequence_number <= @to
            ORDER BY sequence_number LIMIT @max
            """,
            ("pid", persistenceId), ("from", fromSequenceNr), ("to", toSequenceNr), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PersistentRepr(
                persistenceId,
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await using var command = DbCommands.Create(connection, null,
            $"SELECT COALESCE(MAX(sequence_number), 0) FROM {_table} WHERE persistence_id = @pid", ("pid", persistenceId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Marks the events deleted (replay skips them); the rows stay so their numbers can never be written again.</summary>
    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, null,
            $"UPDATE {_table} SET deleted = TRUE WHERE persistence_id = @pid AND sequence_number <= @to AND deleted = FALSE",
            cancellationToken, ("pid", persistenceId), ("to", toSequenceNr)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _schema.Dispose();
    }

    private async Task<IReadOnlyList<Exception?>> WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);

        // Fast path: no savepoints, all rows together. A unique violation spoils the whole transaction (PostgreSQL
        // aborts it), so only then is the batch redone write by write behind savepoints.
        var results = await TryWriteAsync(connection, writes, isolateWrites: false, cancellationToken).ConfigureAwait(false);
        return results ?? (await TryWriteAsync(connection, writes, isolateWrites: true, cancellationToken).ConfigureAwait(false))!;
    }

    /// <returns>null when a unique violation aborted the fast path.</returns>
    private async Task<IReadOnlyList<Exception?>?> TryWriteAsync(
        DbConnection connection, IReadOnlyList<AtomicWrite> writes, bool isolateWrites, CancellationToken cancellationToken)
    {
        var results = new Exception?[writes.Count];
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var context = new WritePreconditionContext(_dialect.Name, connection, transaction);
            var written = isolateWrites
                ? await WriteIsolatedAsync(connection, transaction, writes, results, context, cancellationToken).ConfigureAwait(false)
                : await WriteTogetherAsync(connection, transaction, writes, results, context, cancellationToken).ConfigureAwait(false);
            if (!written)
            {
                await DbCommands.RollbackQuietlyAsync(transaction).ConfigureAwait(false);
                return null;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
        catch (Exception e)
        {
            await DbCommands.RollbackQuietlyAsync(transaction).ConfigureAwait(false);
            LogBatchFailed(_log, e, writes.Count, _settings.TableName);
            throw;
        }
    }

    // Preconditions first (each is its own query), then the rows of every accepted write: in one round-trip where the
    // driver batches commands (PostgreSQL), else a prepared INSERT per row (SQLite, in process). False on a unique
    // violation, which spoils the whole transaction.
    private async Task<bool> WriteTogetherAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AtomicWrite> writes, Exception?[] results,
        WritePreconditionContext context, CancellationToken cancellationToken)
    {
        var rows = new List<PersistentRepr>();
        for (var i = 0; i < writes.Count; i++)
        {
            results[i] = await CheckAsync(writes[i], context, cancellationToken).ConfigureAwait(false);
            if (results[i] is null)
                rows.AddRange(writes[i].Events);
        }

        if (rows.Count == 0)
            return true;
        if (connection.CanCreateBatch)
            return await InsertBatchAsync(connection, transaction, rows, cancellationToken).ConfigureAwait(false);
        await using var insert = CreateInsert(connection, transaction);
        return await InsertRowsAsync(insert, rows, cancellationToken).ConfigureAwait(false) is null;
    }

    // One savepoint per atomic write, so a write refused by the unique constraint is undone alone.
    private async Task<bool> WriteIsolatedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AtomicWrite> writes, Exception?[] results,
        WritePreconditionContext context, CancellationToken cancellationToken)
    {
        await using var insert = CreateInsert(connection, transaction);
        for (var i = 0; i < writes.Count; i++)
        {
            await ExecuteAsync(connection, transaction, "SAVEPOINT nm_write", cancellationToken).ConfigureAwait(false);
            results[i] = await CheckAsync(writes[i], context, cancellationToken).ConfigureAwait(false)
                         ?? await InsertRowsAsync(insert, writes[i].Events, cancellationToken).ConfigureAwait(false);
            var undo = results[i] is PersistenceConcurrencyException ? "ROLLBACK TO SAVEPOINT nm_write; " : "";
            await ExecuteAsync(connection, transaction, undo + "RELEASE SAVEPOINT nm_write", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<Exception?> CheckAsync(AtomicWrite write, WritePreconditionContext context, CancellationToken cancellationToken) =>
        write.Precondition is { } precondition && !await precondition.IsSatisfiedAsync(context, cancellationToken).ConfigureAwait(false)
            ? new WritePreconditionFailedException(write.PersistenceId, write.LowestSequenceNr, precondition.Description)
            : null;

    private async Task<Exception?> InsertRowsAsync(DbCommand insert, IReadOnlyList<PersistentRepr> rows, CancellationToken cancellationToken)
    {
        var created = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var row in rows)
        {
            SetRow(insert.Parameters, row, created);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
            {
                return new PersistenceConcurrencyException(row.PersistenceId, row.SequenceNr, ex);
            }
        }

        return null;
    }

    private async Task<bool> InsertBatchAsync(DbConnection connection, DbTransaction transaction, List<PersistentRepr> rows, CancellationToken cancellationToken)
    {
        var created = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = _insertSql;
            foreach (var name in InsertParameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            SetRow(command.Parameters, row, created);
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private static void SetRow(DbParameterCollection parameters, PersistentRepr row, long created)
    {
        parameters["pid"].Value = row.PersistenceId;
        parameters["seq"].Value = row.SequenceNr;
        parameters["created"].Value = created;
        parameters["manifest"].Value = row.Manifest;
        parameters["message"].Value = row.Payload;
        parameters["writer"].Value = row.WriterUuid;
    }

    private DbCommand CreateInsert(DbConnection connection, DbTransaction transaction)
    {
        var insert = DbCommands.Create(connection, transaction, _insertSql);
        foreach (var name in InsertParameters)
            DbCommands.AddParameter(insert, name, null);
        return insert;
    }

    private static Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(connection, transaction, sql, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal ready: {Store}")]
    private static partial void LogStarted(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal batch of {Count} atomic writes to {Table} failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string table);
}
