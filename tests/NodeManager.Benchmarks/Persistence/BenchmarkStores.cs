using System.Data.Common;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using NodeManager.Persistence;
using Npgsql;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// The stores the persistence suites run on, configured as the product configures them (<see cref="JournalSettings"/>
/// → Akka.Persistence.Sql): a fresh SQLite file, or a fresh schema in the PostgreSQL of NODEMANAGER_TEST_POSTGRES.
/// </summary>
public static class BenchmarkStores
{
    public const string PostgreSqlVariable = "NODEMANAGER_TEST_POSTGRES";

    /// <summary>The product's default settings (batch size, table names, auto-initialize) on a store of the scope's own.</summary>
    public static JournalSettings Settings(JournalBackend backend, string scope)
    {
        var journal = backend switch
        {
            JournalBackend.Sqlite => JournalSettings.Default.Journal with { ConnectionString = $"Data Source={SqliteFile(scope)}" },
            JournalBackend.PostgreSql => JournalSettings.Default.Journal with
            {
                Backend = backend, ConnectionString = PostgreSqlConnectionString, SchemaName = scope,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
        return JournalSettings.Default with
        {
            Journal = journal,
            SnapshotStore = journal with { TableName = JournalSettings.Default.SnapshotStore.TableName },
        };
    }

    /// <summary>Creates the folder or schema (as the host does before its actor system starts) and starts a system on the store.</summary>
    /// <param name="overrides">Settings laid over the product's.</param>
    public static ActorSystem StartSystem(JournalSettings settings, string name, Akka.Configuration.Config? overrides = null)
    {
        JournalProbe.CheckAsync(settings, CancellationToken.None).GetAwaiter().GetResult();
        var config = Actors.ActorBenchmarks.Config.WithFallback(settings.ToAkkaConfig());
        return ActorSystem.Create(name, BootstrapSetup.Create()
            .WithConfig(overrides is null ? config : overrides.WithFallback(config))
            .And(settings.ToAkkaSetup()));
    }

    public static DbConnection Connect(JournalSettings settings) => settings.Journal.Backend == JournalBackend.PostgreSql
        ? new NpgsqlConnection(settings.Journal.ConnectionString)
        : new SqliteConnection(settings.Journal.ConnectionString);

    /// <summary>The journal table as SQL names it (schema-qualified on PostgreSQL).</summary>
    public static string JournalTable(JournalSettings settings) => settings.Journal.Backend == JournalBackend.PostgreSql
        ? $"\"{settings.Journal.SchemaName}\".\"{settings.Journal.TableName}\""
        : $"\"{settings.Journal.TableName}\"";

    /// <summary>Removes what the scope created: the SQLite folder, or the PostgreSQL schema.</summary>
    public static async Task DropAsync(JournalBackend backend, string scope)
    {
        if (backend == JournalBackend.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var folder = Path.GetDirectoryName(SqliteFile(scope))!;
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            return;
        }

        await using var connection = new NpgsqlConnection(PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{scope}\" CASCADE";
        await command.ExecuteNonQueryAsync();
    }

    private static string SqliteFile(string scope) => Path.Combine(Path.GetTempPath(), "nm-bench", scope, "nodemanager.db");

    private static string PostgreSqlConnectionString =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgreSqlVariable} is not set: the PostgreSQL half of the persistence suites needs a server (the Cake target Bench starts one).");
}
