using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NodeManager.Persistence;

/// <summary>
/// The start-up check of the journal and snapshot store: opens each store within a short timeout and fails with one
/// message naming the store (never its password) and the reason, instead of Akka.Persistence.Sql logging a failed
/// initialization and leaving persistent actors waiting. With <c>auto-initialize</c> on it also prepares what
/// Akka.Persistence.Sql does not: SQLite's folder (and WAL mode, so that readers never block the writer) and
/// PostgreSQL's schema. A table that exists must have the layout Akka.Persistence.Sql writes.
/// </summary>
public static class JournalProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] JournalColumns =
        ["ordering", "deleted", "persistence_id", "sequence_number", "created", "message", "identifier", "manifest", "writer_uuid"];

    private static readonly string[] SnapshotColumns =
        ["persistence_id", "sequence_number", "created", "snapshot", "manifest", "serializer_id"];

    /// <summary>Checks (and with auto-initialize prepares) every store of <paramref name="settings"/>; idempotent.</summary>
    /// <param name="timeout">For each store; <see cref="DefaultTimeout"/> when null.</param>
    /// <exception cref="JournalUnavailableException">a store cannot be used; the message says which and why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task CheckAsync(JournalSettings settings, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "must be positive");

        var sameStore = settings.Journal.Backend == settings.SnapshotStore.Backend &&
            settings.Journal.EffectiveConnectionString == settings.SnapshotStore.EffectiveConnectionString &&
            (settings.Journal.Backend == JournalBackend.Sqlite || settings.Journal.SchemaName == settings.SnapshotStore.SchemaName);
        var stores = sameStore
            ? new[] { new Store("journal and snapshot store", settings.Journal, [(settings.Journal.TableName, JournalColumns), (settings.SnapshotStore.TableName, SnapshotColumns)]) }
            : [
                new Store("journal", settings.Journal, [(settings.Journal.TableName, JournalColumns)]),
                new Store("snapshot store", settings.SnapshotStore, [(settings.SnapshotStore.TableName, SnapshotColumns)]),
            ];

        foreach (var store in stores)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            try
            {
                if (store.Settings.Backend == JournalBackend.Sqlite)
                    await CheckSqliteAsync(store, limit, deadline.Token);
                else
                    await CheckPostgreSqlAsync(store, limit, deadline.Token);
            }
            catch (ProbeFailure failure)
            {
                throw Unavailable(store, failure.Message, failure.InnerException);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException || e.InnerException is TimeoutException)
            {
                throw Unavailable(store, $"no answer within {Seconds(limit)} s (is the host reachable and the port open?)", e);
            }
            catch (SqliteException e)
            {
                throw Unavailable(store, SqliteReason(e), e);
            }
            catch (PostgresException e)
            {
                throw Unavailable(store, PostgreSqlReason(e, store.Settings), e);
            }
            catch (NpgsqlException e)
            {
                throw Unavailable(store, NetworkReason(e), e);
            }
        }
    }

    private static async Task CheckSqliteAsync(Store store, TimeSpan limit, CancellationToken cancellationToken)
    {
        var path = store.Settings.SqlitePath;
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (!store.Settings.AutoInitialize)
                throw new ProbeFailure($"its folder {folder} does not exist and auto-initialize is off");
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ProbeFailure($"its folder {folder} cannot be created ({e.Message})", e);
            }
        }

        if (!File.Exists(path) && !store.Settings.AutoInitialize)
            throw new ProbeFailure("the file does not exist and auto-initialize is off");

        var builder = new SqliteConnectionStringBuilder(store.Settings.EffectiveConnectionString)
        {
            Pooling = false,
            DefaultTimeout = Math.Min(Seconds(limit), new SqliteConnectionStringBuilder(store.Settings.EffectiveConnectionString).DefaultTimeout),
        };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL is a property of the file: set once, every later connection (Akka's) reads while another writes.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken);
        // Takes the write lock and lets go: a read-only file or a held lock fails here rather than at the first event.
        await ExecuteAsync(connection, "BEGIN IMMEDIATE; ROLLBACK", cancellationToken);
        foreach (var (table, columns) in store.Tables)
        {
            var present = await ColumnsAsync(connection, $"SELECT name FROM pragma_table_info({Literal(table)})", cancellationToken);
            CheckLayout(table, columns, present);
        }
    }

    private static async Task CheckPostgreSqlAsync(Store store, TimeSpan limit, CancellationToken cancellationToken)
    {
        var given = new NpgsqlConnectionStringBuilder(store.Settings.EffectiveConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(store.Settings.EffectiveConnectionString)
        {
            Pooling = false,
            Timeout = given.Timeout > 0 ? Math.Min(given.Timeout, Seconds(limit)) : Seconds(limit),
            CommandTimeout = Seconds(limit),
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        var schema = store.Settings.SchemaName;
        var exists = await ColumnsAsync(connection, $"SELECT nspname FROM pg_namespace WHERE nspname = {Literal(schema)}", cancellationToken);
        if (exists.Count == 0)
        {
            if (!store.Settings.AutoInitialize)
                throw new ProbeFailure($"schema '{schema}' does not exist and auto-initialize is off");
            await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", cancellationToken);
        }

        foreach (var (table, columns) in store.Tables)
        {
            var present = await ColumnsAsync(connection,
                $"SELECT column_name FROM information_schema.columns WHERE table_schema = {Literal(schema)} AND table_name = {Literal(table)}",
                cancellationToken);
            CheckLayout(table, columns, present);
        }
    }

    private static void CheckLayout(string table, string[] expected, IReadOnlyCollection<string> present)
    {
        var missing = expected.Where(c => !present.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (present.Count > 0 && missing.Count > 0)
        {
            throw new ProbeFailure(
                $"table '{table}' exists but lacks the column(s) {string.Join(", ", missing)} of the Akka.Persistence.Sql layout; " +
                "it was written by something else. Move it aside or give another table-name");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyCollection<string>> ColumnsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    // Identifiers are validated as letters, digits and '_' by JournalSettings; quoting still keeps a quote harmless.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static int Seconds(TimeSpan limit) => Math.Max(1, (int)Math.Ceiling(limit.TotalSeconds));

    private static JournalUnavailableException Unavailable(Store store, string reason, Exception? cause) =>
        new($"Cannot use the {store.Role} ({store.Settings.Describe()}): {reason}.", cause);

    private static string SqliteReason(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "the database is locked by another process",
        8 => "the file is read-only",
        11 => "the file is corrupt",
        13 => "the disk is full",
        14 => "the file cannot be opened or created (is its folder writable?)",
        23 => "access to the file is denied",
        26 => "the file is not a SQLite database",
        _ => e.Message,
    };

    private static string PostgreSqlReason(PostgresException e, JournalStoreSettings store) => e.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword => "the server refused the password",
        PostgresErrorCodes.InvalidAuthorizationSpecification => "the server refused the user (no such role, or pg_hba.conf does not let it in)",
        PostgresErrorCodes.InvalidCatalogName => "the database does not exist",
        PostgresErrorCodes.InsufficientPrivilege => $"the user lacks a privilege ({e.MessageText}); schema '{store.SchemaName}' needs CREATE on the database or an existing schema",
        PostgresErrorCodes.TooManyConnections => "the server has no free connection",
        PostgresErrorCodes.CannotConnectNow => "the server is starting up or shutting down",
        _ => string.Create(CultureInfo.InvariantCulture, $"{e.MessageText} (SQLSTATE {e.SqlState})"),
    };

    private static string NetworkReason(NpgsqlException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused: nothing listens on that host and port",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => "the host name does not resolve",
        SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut } => "the host cannot be reached",
        SocketException s => s.Message,
        _ => e.Message,
    };

    private sealed record Store(string Role, JournalStoreSettings Settings, (string Table, string[] Columns)[] Tables);

    private sealed class ProbeFailure(string message, Exception? innerException = null) : Exception(message, innerException);
}
