using System.Data.Common;
using Npgsql;
using NodeManager.Persistence;
using Xunit.Abstractions;

namespace NodeManager.Tests.Persistence;

/// <summary>
/// The contract on the PostgreSQL of NODEMANAGER_TEST_POSTGRES, in a schema of its own per test (dropped after), plus
/// what only PostgreSQL has: its schema and its server's refusals.
/// </summary>
public sealed class PostgreSqlJournalSpec : JournalContractSpec
{
    public PostgreSqlJournalSpec(ITestOutputHelper output)
        : base(SettingsFor(PostgreSqlTestDatabase.ConnectionString, "t" + Guid.NewGuid().ToString("N")[..12]), output)
    {
    }

    private string Schema => Settings.Journal.SchemaName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
    }

    [Fact]
    public async Task Probe_must_have_created_the_schema()
    {
        var found = await QueryAsync($"SELECT nspname FROM pg_namespace WHERE nspname = '{Schema}'");

        Assert.Equal(Schema, (string)Assert.Single(found)[0]);
    }

    [Fact]
    public async Task Probe_must_name_the_database_that_does_not_exist()
    {
        var missing = "nm_missing_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlTestDatabase.ConnectionString) { Database = missing, Password = "s3cret-pw" };
        var settings = SettingsFor(connectionString.ConnectionString, Schema);

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None, StoreDeadline).WaitAsync(Timeout));

        Assert.Contains($"database '{missing}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the database does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_must_refuse_a_missing_schema_when_auto_initialize_is_off()
    {
        var absent = "t" + Guid.NewGuid().ToString("N")[..12];
        var settings = SettingsFor(PostgreSqlTestDatabase.ConnectionString, absent);
        settings = settings with
        {
            Journal = settings.Journal with { AutoInitialize = false },
            SnapshotStore = settings.SnapshotStore with { AutoInitialize = false },
        };

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None, StoreDeadline).WaitAsync(Timeout));

        Assert.Contains($"schema '{absent}' does not exist and auto-initialize is off", error.Message, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync($"SELECT nspname FROM pg_namespace WHERE nspname = '{absent}'"));
    }

    protected override DbConnection Connect() => new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);

    protected override string Table(string name) => $"\"{Schema}\".\"{name}\"";

    private static JournalSettings SettingsFor(string connectionString, string schema) => JournalSettings.Default with
    {
        Journal = new JournalStoreSettings(JournalBackend.PostgreSql, connectionString, schema, "journal", true, 100),
        SnapshotStore = new JournalStoreSettings(JournalBackend.PostgreSql, connectionString, schema, "snapshot", true, 100),
    };
}
