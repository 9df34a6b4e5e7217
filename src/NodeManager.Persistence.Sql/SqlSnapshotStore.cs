using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// The SQLite / PostgreSQL snapshot store: <c>snapshot(persistence_id, sequence_number, created, manifest, snapshot)</c>
/// keyed by (persistence_id, sequence_number); saving at an existing number replaces that snapshot.
/// </summary>
public sealed partial class SqlSnapshotStore : ISnapshotStore
{
    private readonly SqlDialect _dialect;
    private readonly SqlSchema _schema;
    private readonly TimeProvider _time;
    private readonly string _table;

    public SqlSnapshotStore(StoreSettings settings, TimeProvider? timeProvider = null, ILogger<SqlSnapshotStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _dialect = SqlDialect.For(settings);
        _time = timeProvider ?? TimeProvider.System;
        _table = _dialect.Table(settings.TableName);
        _schema = new SqlSchema(_dialect, settings, $"""
            CREATE TABLE IF NOT EXISTS {_table} (
                persistence_id TEXT NOT NULL,
                sequence_number {_dialect.BigInt} NOT NULL,
                created {_dialect.BigInt} NOT NULL,
                manifest TEXT NOT NULL,
                snapshot {_dialect.Blob} NOT NULL,
                PRIMARY KEY (persistence_id, sequence_number))
            """, _time);
        LogStarted(logger ?? (ILogger)NullLogger.Instance, settings.ToString());
    }

    public async Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, null,
            $"""
            INSERT INTO {_table} (persistence_id, sequence_number, created, manifest, snapshot)
            VALUES (@pid, @seq, @created, @manifest, @snapshot)
            ON CONFLICT (persistence_id, sequence_number)
            DO UPDATE SET created = excluded.created, manifest = excluded.manifest, snapshot = excluded.snapshot
            """,
            cancellationToken,
            ("pid", snapshot.Metadata.PersistenceId), ("seq", snapshot.Metadata.SequenceNr),
            ("created", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("manifest", snapshot.Manifest), ("snapshot", snapshot.Payload))
            .ConfigureAwait(false);
    }

    public async Task<StoredSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await using var command = DbCommands.Create(connection, null,
            $"""
            SELECT sequence_number, created, manifest, snapshot FROM {_table}
            WHERE persistence_id = @pid {CriteriaFilter}
            ORDER BY sequence_number DESC LIMIT 1
            """,
            [("pid", persistenceId), .. CriteriaParameters(criteria)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return new StoredSnapshot(
            new SnapshotMetadata(persistenceId, reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
            reader.GetString(2),
            (byte[])reader.GetValue(3));
    }

    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, null,
            $"DELETE FROM {_table} WHERE persistence_id = @pid AND sequence_number = @seq",
            cancellationToken, ("pid", metadata.PersistenceId), ("seq", metadata.SequenceNr)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await DbCommands.OpenAsync(_dialect, cancellationToken).ConfigureAwait(false);
        await DbCommands.ExecuteAsync(connection, null,
            $"DELETE FROM {_table} WHERE persistence_id = @pid {CriteriaFilter}",
            cancellationToken, [("pid", persistenceId), .. CriteriaParameters(criteria)]).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _schema.Dispose();
        return ValueTask.CompletedTask;
    }

    private const string CriteriaFilter =
        "AND sequence_number >= @minSeq AND sequence_number <= @maxSeq AND created >= @minTs AND created <= @maxTs";

    private static (string, object?)[] CriteriaParameters(SnapshotSelectionCriteria criteria) =>
    [
        ("minSeq", criteria.MinSequenceNr), ("maxSeq", criteria.MaxSequenceNr),
        ("minTs", criteria.MinTimestamp.ToUnixTimeMilliseconds()), ("maxTs", criteria.MaxTimestamp.ToUnixTimeMilliseconds()),
    ];

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot store ready: {Store}")]
    private static partial void LogStarted(ILogger logger, string store);
}
