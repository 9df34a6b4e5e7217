using System.Data.Common;
using Microsoft.Data.Sqlite;
using NodeManager.Persistence;
using Xunit.Abstractions;

namespace NodeManager.Tests.Persistence;

/// <summary>The contract on a SQLite file of its own per test, plus what only SQLite has: its file and its lock.</summary>
public sealed class SqliteJournalSpec : JournalContractSpec
{
    private readonly string _folder;

    public SqliteJournalSpec(ITestOutputHelper output)
        : this(Path.Combine(Path.GetTempPath(), "nm-journal-tests", Guid.NewGuid().ToString("N")), output)
    {
    }

    private SqliteJournalSpec(string folder, ITestOutputHelper output)
        : base(SettingsFor(Path.Combine(folder, "data", "nodemanager.db")), output)
    {
        _folder = folder;
    }

    private string Database => Settings.Journal.SqlitePath;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Probe_must_have_created_the_folder_and_the_file_in_wal_mode()
    {
        Assert.True(File.Exists(Database));

        var mode = Assert.Single(await QueryAsync("PRAGMA journal_mode"));

        Assert.Equal("wal", (string)mode[0]);
    }

    [Fact]
    public async Task Probe_must_refuse_a_table_of_another_layout_naming_it_and_its_missing_columns()
    {
        var settings = SettingsFor(Path.Combine(_folder, "old", "nodemanager.db"));
        Directory.CreateDirectory(Path.Combine(_folder, "old"));
        await using (var connection = new SqliteConnection($"Data Source={settings.Journal.SqlitePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE journal (ordering INTEGER PRIMARY KEY, persistence_id TEXT, sequence_number INTEGER, " +
                "deleted INTEGER, created INTEGER, manifest TEXT, message BLOB, writer_uuid TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            JournalProbe.CheckAsync(settings, CancellationToken.None, StoreDeadline).WaitAsync(Timeout));

        Assert.Contains(settings.Journal.SqlitePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("table 'journal'", error.Message, StringComparison.Ordinal);
        Assert.Contains("lacks the column(s) identifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_must_refuse_a_second_holder_of_the_file_naming_it_until_the_first_lets_go()
    {
        using (var held = SqliteJournalLock.AcquireFor(Settings))
        {
            var error = Assert.Throws<JournalUnavailableException>(() => SqliteJournalLock.AcquireFor(Settings));

            Assert.Equal([Database], held!.Databases);
            Assert.Contains(Database, error.Message, StringComparison.Ordinal);
            Assert.Contains(Database + ".lock", error.Message, StringComparison.Ordinal);
            Assert.Contains("another NodeManager process", error.Message, StringComparison.Ordinal);
        }

        Assert.StartsWith($"pid {Environment.ProcessId} ", File.ReadAllText(Database + ".lock"), StringComparison.Ordinal);

        using var again = SqliteJournalLock.AcquireFor(Settings);
        Assert.NotNull(again);
    }

    [Fact]
    public void Lock_must_hold_nothing_for_postgresql_and_create_a_missing_folder_for_sqlite()
    {
        var postgreSql = Settings.Journal with { Backend = JournalBackend.PostgreSql, ConnectionString = "Host=db1;Database=nm" };
        var fresh = Path.Combine(_folder, "fresh", "deeper", "nm.db");

        Assert.Null(SqliteJournalLock.AcquireFor(Settings with { Journal = postgreSql, SnapshotStore = postgreSql }));
        using var held = SqliteJournalLock.Acquire(fresh);
        Assert.True(File.Exists(fresh + ".lock"));
    }

    protected override DbConnection Connect() => new SqliteConnection($"Data Source={Database};Pooling=false");

    protected override string Table(string name) => $"\"{name}\"";

    private static JournalSettings SettingsFor(string database)
    {
        // A short busy timeout, so that a locking mistake fails the test in seconds instead of 30.
        var connectionString = $"Data Source={database};Default Timeout=5";
        return JournalSettings.Default with
        {
            Journal = JournalSettings.Default.Journal with { ConnectionString = connectionString },
            SnapshotStore = JournalSettings.Default.SnapshotStore with { ConnectionString = connectionString },
        };
    }
}
