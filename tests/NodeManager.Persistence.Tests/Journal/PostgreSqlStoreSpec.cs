using System.Data.Common;
using Npgsql;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Journal;

public sealed class PostgreSqlStoreSpec : SqlStoreContractSpec
{
    private readonly string _connectionString = PostgreSqlTestDatabase.ConnectionString;

    private string Schema => Prefix;

    protected override StoreSettings JournalOptions =>
        new(PersistencePlugin.PostgreSql, _connectionString, "journal") { SchemaName = Schema };

    protected override StoreSettings SnapshotOptions =>
        new(PersistencePlugin.PostgreSql, _connectionString, "snapshot") { SchemaName = Schema };

    protected override string LeaseTable => $"\"{Schema}\".district_lease";

    protected override DbConnection Connect() => new NpgsqlConnection(_connectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
    }

    [Fact]
    public async Task PostgreSql_journal_must_leave_nothing_when_its_connection_is_killed_mid_batch()
    {
        var killer = new SqlWritePrecondition(
            "backend killed",
            new Dictionary<string, string> { ["postgresql"] = "SELECT pg_terminate_backend(pg_backend_pid())" },
            new Dictionary<string, object?>());

        await Assert.ThrowsAnyAsync<Exception>(() => Journal.WriteMessagesAsync(
        [
            new AtomicWrite(Events("killed", 1, 3)),
            new AtomicWrite(Events("killed", 4, 4), killer),
        ]));

        var restarted = Restart();
        Assert.Equal(0, await restarted.ReadHighestSequenceNrAsync("killed"));
        Assert.Equal([null], await restarted.WriteMessagesAsync([new AtomicWrite(Events("killed", 1, 1))]));
    }
}
