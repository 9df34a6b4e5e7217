using Npgsql;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;
using NodeManager.Tests.Persistence;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// On the PostgreSQL journal, the store members share, every district's shard takes the PostgreSQL lease by default:
/// the demo's district runs only while its member holds the lease row named after its shard.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class ShardLeaseSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TempConfigFiles _files = new();
    private readonly string _schema = "lease_e2e_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_district_on_the_PostgreSQL_journal_must_run_under_its_shard_lease_held_by_its_member()
    {
        var postgres = _files.Write("postgres.conf", $$"""
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "{{PostgreSqlTestDatabase.ConnectionString}}"
              schema-name = "{{_schema}}"
            }
            """);
        await using var demo = await DemoRun.StartAsync([.. DemoRun.Configs(_files), postgres]);
        await demo.NodesWhenAsync(n => DemoNodes.Count(n, "Active") >= 1, Limit);
        var self = (await demo.Management.GetAsync("/cluster/members")).GetProperty("selfNode").GetString()!;

        // Akka's Shard names its lease "<actor system>-shard-<type>-<shard id>"; the system is named after the cluster.
        var lease = $"{new Uri(self).UserInfo}-shard-district-district-a";
        var (owner, epoch) = await LeaseAsync(lease);
        await demo.StopAsync();

        // The member's address (system@host:port) is the lease's owner: the shard took it before starting the district.
        Assert.EndsWith(owner, self, StringComparison.Ordinal);
        Assert.True(epoch >= 1, $"epoch {epoch}");
        var (_, _, released) = await RowAsync(lease);
        Assert.True(released, "a member that stops hands its districts over and releases their leases");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _files.Dispose();
        await using var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<(string Owner, long Epoch)> LeaseAsync(string name)
    {
        var (owner, epoch, _) = await RowAsync(name);
        return (owner ?? throw new InvalidOperationException($"nobody holds {name}"), epoch);
    }

    private async Task<string> NamesAsync()
    {
        await using var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT string_agg(name || ' ' || coalesce(owner, '-'), ', ') FROM \"{_schema}\".leases", connection);
        var tables = await query.ExecuteScalarAsync();
        return $"leases: {tables}";
    }

    private async Task<(string? Owner, long Epoch, bool Released)> RowAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT owner, epoch, owner IS NULL OR expires_at <= now() FROM \"{_schema}\".leases WHERE name = @name", connection);
        query.Parameters.AddWithValue("name", name);
        await using var row = await query.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), $"no lease row named {name} in schema {_schema}: {await NamesAsync()}");
        return (row.IsDBNull(0) ? null : row.GetString(0), row.GetInt64(1), row.GetBoolean(2));
    }
}
