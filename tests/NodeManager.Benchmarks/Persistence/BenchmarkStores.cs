using NodeManager.Persistence.Sql;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>The stores the persistence benchmarks run on: a fresh SQLite file, or a fresh schema in the PostgreSQL of NODEMANAGER_TEST_POSTGRES.</summary>
public static class BenchmarkStores
{
    public static StoreSettings Journal(PersistencePlugin plugin, string scope) => Settings(plugin, scope, "journal");

    public static StoreSettings Snapshots(PersistencePlugin plugin, string scope) => Settings(plugin, scope, "snapshot");

    /// <summary>Removes what <see cref="Journal"/> created for the scope.</summary>
    public static async Task DropAsync(PersistencePlugin plugin, string scope)
    {
        if (plugin == PersistencePlugin.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var folder = Path.Combine(Path.GetTempPath(), "nm-bench", scope);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            return;
        }

        await using var connection = new Npgsql.NpgsqlConnection(PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{scope}\" CASCADE";
        await command.ExecuteNonQueryAsync();
    }

    private static StoreSettings Settings(PersistencePlugin plugin, string scope, string table) => plugin switch
    {
        PersistencePlugin.Sqlite => new StoreSettings(plugin, $"Data Source={Path.Combine(Path.GetTempPath(), "nm-bench", scope, "bench.db")}", table),
        PersistencePlugin.PostgreSql => new StoreSettings(plugin, PostgreSqlConnectionString, table) { SchemaName = scope },
        _ => throw new ArgumentOutOfRangeException(nameof(plugin), plugin, "the benchmarks measure the SQL stores"),
    };

    private static string PostgreSqlConnectionString =>
        Environment.GetEnvironmentVariable("NODEMANAGER_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "NODEMANAGER_TEST_POSTGRES is not set: the PostgreSQL persistence benchmarks need a server (the Bench target starts one).");
}
