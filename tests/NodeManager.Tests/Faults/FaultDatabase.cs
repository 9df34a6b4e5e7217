using Npgsql;
using NodeManager.Tests.Persistence;

namespace NodeManager.Tests.Faults;

/// <summary>A database of its own on the test PostgreSQL (NODEMANAGER_TEST_POSTGRES) for one spec, dropped at the end.</summary>
internal sealed class FaultDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private FaultDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The members' journal and lease store.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a fresh database on <paramref name="server"/> (by default the suite's PostgreSQL).</summary>
    public static async Task<FaultDatabase> CreateAsync(string? server = null)
    {
        var database = new FaultDatabase(server ?? PostgreSqlTestDatabase.ConnectionString, "faults_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
