using Akka.Configuration;
using Akka.Coordination;
using NodeManager.Cluster.Lease;
using NodeManager.Tests.Persistence;
using Npgsql;

namespace NodeManager.Cluster.Tests.Support;

/// <summary>A lease table in a schema of its own on the PostgreSQL of NODEMANAGER_TEST_POSTGRES, dropped afterwards.</summary>
internal sealed class LeaseTable : IAsyncLifetime
{
    public string Schema { get; } = "lease_" + Guid.NewGuid().ToString("N")[..12];

    public static string ConnectionString => PostgreSqlTestDatabase.ConnectionString;

    public PostgreSqlLeaseSettings Settings => new(ConnectionString, Schema, "leases", AutoInitialize: true);

    public LeaseStore Store() => new(Settings);

    /// <summary>The lease section as Akka would read it, with this table and the given timing.</summary>
    public Config Section(TimeSpan heartbeatInterval, TimeSpan heartbeatTimeout, bool autoInitialize = true) =>
        ConfigurationFactory.ParseString(SectionText(heartbeatInterval, heartbeatTimeout, autoInitialize))
            .WithFallback(PostgreSqlLease.DefaultConfiguration.GetConfig(PostgreSqlLease.ConfigPath));

    /// <summary>The keys of <see cref="Section"/> that differ from the lease's defaults, as HOCON text.</summary>
    public string SectionText(TimeSpan heartbeatInterval, TimeSpan heartbeatTimeout, bool autoInitialize = true) => $"""
        connection-string = "{ConnectionString}"
        schema = {Schema}
        heartbeat-interval = {(int)heartbeatInterval.TotalMilliseconds}ms
        heartbeat-timeout = {(int)heartbeatTimeout.TotalMilliseconds}ms
        auto-initialize = {(autoInitialize ? "on" : "off")}
        """;

    /// <summary>A lease of <paramref name="name"/> for <paramref name="owner"/> whose statements and heartbeat run on <paramref name="time"/>.</summary>
    /// <remarks>
    /// Its statements may take a minute: these specs judge what a statement does, not how fast, and under four parallel
    /// runs of the suite a first connection outlasted the lease's default of 5 s.
    /// </remarks>
    public PostgreSqlLease Lease(string name, string owner, TimeProvider time, TimeSpan heartbeatInterval, TimeSpan heartbeatTimeout, bool autoInitialize = true) =>
        new(LeaseSettings.Create(
            ConfigurationFactory.ParseString("lease-operation-timeout = 60s").WithFallback(Section(heartbeatInterval, heartbeatTimeout, autoInitialize)),
            name, owner), time, clockInSql: true, log: null);

    public async Task<bool> ExistsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", Schema);
        return await command.ExecuteScalarAsync() is true;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
