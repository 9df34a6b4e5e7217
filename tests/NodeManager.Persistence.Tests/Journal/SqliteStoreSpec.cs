using System.Data.Common;
using Microsoft.Data.Sqlite;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Journal;

public sealed class SqliteStoreSpec : SqlStoreContractSpec
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-persistence-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "data", "journal.db")}";

    protected override StoreSettings JournalOptions =>
        new(PersistencePlugin.Sqlite, ConnectionString, Prefix + "_journal") { SchemaVersionTableName = Prefix + "_schema_version" };

    protected override StoreSettings SnapshotOptions =>
        new(PersistencePlugin.Sqlite, ConnectionString, Prefix + "_snapshot") { SchemaVersionTableName = Prefix + "_schema_version" };

    protected override string LeaseTable => Prefix + "_lease";

    protected override DbConnection Connect() => new SqliteConnection(ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sqlite_journal_must_create_its_file_in_wal_mode_on_first_use()
    {
        Assert.False(File.Exists(Path.Combine(_folder, "data", "journal.db")));

        await WriteAsync(Events("wal-check", 1, 1));

        Assert.True(File.Exists(Path.Combine(_folder, "data", "journal.db")));
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = $"SELECT version FROM {Prefix}_schema_version WHERE table_name = '{Prefix}_journal'";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
    }
}
