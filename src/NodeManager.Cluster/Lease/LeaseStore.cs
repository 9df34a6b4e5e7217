using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace NodeManager.Cluster.Lease;

/// <summary>
/// The lease table: one row per lease name with its owner, expiry and epoch. Acquire, renew and release are each one
/// statement, so PostgreSQL's row lock decides every race between members; the epoch rises by one whenever the lease
/// changes hands (or its holder takes it again after letting it go), never otherwise.
/// </summary>
/// <remarks>
/// Every statement takes "now" as a parameter: null means the database's own clock (production: one clock for every
/// member, so their clocks may drift apart without two of them holding a lease at once), a value is a clock the
/// caller injects (tests move it at will).
/// </remarks>
internal sealed class LeaseStore(PostgreSqlLeaseSettings settings)
{
    private const string Now = "COALESCE(@now, statement_timestamp())";

    // Created (or, without auto-initialize, found) once per process and table; a failed attempt is made again by the next call.
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Initialized = new(StringComparer.Ordinal);

    private string Table => $"\"{settings.Schema}\".\"{settings.Table}\"";

    /// <summary>
    /// Takes the lease for <paramref name="owner"/> when nobody holds it, its holder's time ran out, or the owner holds
    /// it already (then it is extended, same epoch). Null when another owner holds it.
    /// </summary>
    public async Task<LeaseTenure?> AcquireAsync(string name, string owner, TimeSpan ttl, DateTimeOffset? now, CancellationToken ct)
    {
        var sql = $"""
            WITH clock AS (SELECT {Now} AS now)
            INSERT INTO {Table} AS l (name, owner, expires_at, epoch, acquired_at)
            SELECT @name, @owner, clock.now + @ttl, 1, clock.now FROM clock
            ON CONFLICT (name) DO UPDATE SET
              owner = EXCLUDED.owner,
              expires_at = EXCLUDED.expires_at,
              epoch = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at > EXCLUDED.acquired_at THEN l.epoch ELSE l.epoch + 1 END,
              acquired_at = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at > EXCLUDED.acquired_at THEN l.acquired_at ELSE EXCLUDED.acquired_at END
            WHERE l.owner IS NULL OR l.owner = EXCLUDED.owner OR l.expires_at <= EXCLUDED.acquired_at
            RETURNING l.epoch, l.expires_at
            """;
        return await QueryAsync(sql, name, owner, ttl, now, null, r => new LeaseTenure(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1)), ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Extends the lease, only while <paramref name="owner"/> holds it in <paramref name="epoch"/> and it has not run
    /// out. Null when the holder is stale: its time ran out, another owner took it, or it was released.
    /// </summary>
    public async Task<LeaseTenure?> RenewAsync(string name, string owner, long epoch, TimeSpan ttl, DateTimeOffset? now, CancellationToken ct)
    {
        var sql = $"""
            WITH clock AS (SELECT {Now} AS now)
            UPDATE {Table} AS l SET expires_at = clock.now + @ttl FROM clock
            WHERE l.name = @name AND l.owner = @owner AND l.epoch = @epoch AND l.expires_at > clock.now
            RETURNING l.epoch, l.expires_at
            """;
        return await QueryAsync(sql, name, owner, ttl, now, epoch, r => new LeaseTenure(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1)), ct)
            .ConfigureAwait(false);
    }

    /// <summary>Lets the lease go when <paramref name="owner"/> holds it (another owner may take it at once); false when it did not.</summary>
    public async Task<bool> ReleaseAsync(string name, string owner, DateTimeOffset? now, CancellationToken ct)
    {
        var sql = $"""
            WITH clock AS (SELECT {Now} AS now)
            UPDATE {Table} AS l SET owner = NULL, expires_at = clock.now FROM clock
            WHERE l.name = @name AND l.owner = @owner
            RETURNING l.epoch
            """;
        return await QueryAsync(sql, name, owner, null, now, null, r => (object)r.GetInt64(0), ct).ConfigureAwait(false) is not null;
    }

    /// <summary>The row of <paramref name="name"/>, or null when no member ever took it.</summary>
    public async Task<LeaseRow?> ReadAsync(string name, CancellationToken ct)
    {
        var sql = $"SELECT owner, epoch, expires_at FROM {Table} WHERE name = @name";
        return await QueryAsync(sql, name, null, null, null, null,
            r => new LeaseRow(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1), r.GetFieldValue<DateTimeOffset>(2)), ct).ConfigureAwait(false);
    }

    private async Task<T?> QueryAsync<T>(
        string sql, string name, string? owner, TimeSpan? ttl, DateTimeOffset? now, long? epoch, Func<NpgsqlDataReader, T> read, CancellationToken ct)
        where T : class
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = name });
        if (sql.Contains("@owner", StringComparison.Ordinal))
            command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = owner! });
        if (ttl is { } t)
            command.Parameters.Add(new NpgsqlParameter("ttl", NpgsqlDbType.Interval) { Value = t });
        if (sql.Contains("@now", StringComparison.Ordinal))
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now is { } n ? n.UtcDateTime : DBNull.Value });
        if (epoch is { } e)
            command.Parameters.Add(new NpgsqlParameter("epoch", NpgsqlDbType.Bigint) { Value = e });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? read(reader) : null;
    }

    private Task EnsureTableAsync(CancellationToken ct)
    {
        var key = $"{settings.ConnectionString}|{settings.Schema}|{settings.Table}|{settings.AutoInitialize}";
        var lazy = Initialized.GetOrAdd(key, _ => new Lazy<Task>(() => InitializeAsync(CancellationToken.None)));
        if (lazy.Value is { IsFaulted: true } or { IsCanceled: true })
        {
            // An earlier attempt failed (the database was away): this call tries again rather than repeating its error.
            Initialized.TryRemove(KeyValuePair.Create(key, lazy));
            lazy = Initialized.GetOrAdd(key, _ => new Lazy<Task>(() => InitializeAsync(CancellationToken.None)));
        }

        return lazy.Value.WaitAsync(ct);
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        if (settings.AutoInitialize)
        {
            // Two members starting at once may both create: IF NOT EXISTS makes the loser's statement a no-op, and a
            // unique-violation race on the catalog is retried by the next call.
            await using var create = new NpgsqlCommand($"""
                CREATE SCHEMA IF NOT EXISTS "{settings.Schema}";
                CREATE TABLE IF NOT EXISTS {Table} (
                  name        text        PRIMARY KEY,
                  owner       text        NULL,
                  expires_at  timestamptz NOT NULL,
                  epoch       bigint      NOT NULL,
                  acquired_at timestamptz NOT NULL
                );
                """, connection);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return;
        }

        await using var check = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        check.Parameters.AddWithValue("table", Table);
        if (await check.ExecuteScalarAsync(ct).ConfigureAwait(false) is not true)
            throw new LeaseStoreMissingException($"the lease table {Table} does not exist and auto-initialize is off");
    }
}
