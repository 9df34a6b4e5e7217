using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;
using NodeManager.Core.Configuration;
using NodeManager.Core.Districts;
using NodeManager.Core.Serialization;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Persistence;

namespace NodeManager.Tests.Persistence;

public sealed class JournalSettingsSpec
{
    [Fact]
    public void Settings_must_default_to_one_sqlite_file_under_data()
    {
        var settings = JournalSettings.Create(Load(""));

        Assert.Equal(JournalSettings.Default.Journal, settings.Journal);
        Assert.Equal(JournalSettings.Default.SnapshotStore, settings.SnapshotStore);
        Assert.Equal((JournalBackend.Sqlite, "Data Source=./data/nodemanager.db", "journal", true, 1000),
            (settings.Journal.Backend, settings.Journal.ConnectionString, settings.Journal.TableName, settings.Journal.AutoInitialize, settings.Journal.BatchSize));
        Assert.Equal("snapshot", settings.SnapshotStore.TableName);
        Assert.Equal(Path.GetFullPath("data/nodemanager.db"), settings.Journal.SqlitePath);
        Assert.Equal(500, settings.SnapshotEvery);
        Assert.Empty(settings.SnapshotEveryByActor);
    }

    [Fact]
    public void Settings_must_read_an_operators_postgresql_store_and_never_show_its_password()
    {
        var settings = JournalSettings.Create(Load("""
            node-manager.persistence {
              journal {
                plugin = postgresql
                connection-string = "Host=db1;Username=nm;Password=s3cret-pw;Database=nm"
                schema-name = nodemanager
                batch-size = 250
              }
              snapshot-every = 50
              snapshot-every-by-actor { DistrictSupervisorActor = 20 }
            }
            """));

        Assert.Equal(JournalBackend.PostgreSql, settings.SnapshotStore.Backend);
        Assert.Equal("nodemanager", settings.SnapshotStore.SchemaName);
        Assert.Equal(250, settings.Journal.BatchSize);
        Assert.Equal(20, settings.SnapshotEveryFor(typeof(DistrictSupervisorActor)));
        Assert.Equal(50, settings.SnapshotEveryFor(typeof(JournalSettingsSpec)));
        Assert.Equal(7, settings.SnapshotEveryFor(typeof(JournalSettingsSpec), typeDefault: 7));
        Assert.DoesNotContain("s3cret-pw", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("host=db1", settings.Journal.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PostgreSQL at db1:5432, database 'nm', user 'nm', schema 'nodemanager'", settings.Journal.Describe());
    }

    [Theory]
    [InlineData("journal.plugin = inmem", "node-manager.persistence.journal.plugin", "expected sqlite or postgresql")]
    [InlineData("journal.batch-size = 0", "node-manager.persistence.journal.batch-size", "at least 1")]
    [InlineData("journal.connection-string = \"Data Source=:memory:\"", "node-manager.persistence.journal.connection-string", "in-memory")]
    [InlineData("journal { plugin = postgresql, connection-string = \"Host=db1;Frobnicate=yes\" }", "node-manager.persistence.journal.connection-string", "not a valid PostgreSql connection string")]
    [InlineData("snapshot-store.table-name = \"snap; drop\"", "node-manager.persistence.snapshot-store.table-name", "letters, digits")]
    [InlineData("journal.schema-name = \"1st\"", "node-manager.persistence.journal.schema-name", "not starting with a digit")]
    [InlineData("snapshot-every = -1", "node-manager.persistence.snapshot-every", "must be 0")]
    [InlineData("snapshot-every-by-actor { NodeLifecycleActor = 20 }", "node-manager.persistence.snapshot-every-by-actor.NodeLifecycleActor", "only DistrictSupervisorActor")]
    public void Settings_must_reject_a_bad_value_naming_file_line_and_key(string line, string key, string detail)
    {
        var error = Assert.Throws<ConfigException>(() => JournalSettings.Create(Load("node-manager.persistence." + line)));

        Assert.Contains($"operator.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Akka_config_must_set_akka_persistence_sql_from_the_settings()
    {
        var settings = JournalSettings.Create(Load("""
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "Host=db1;Database=nm;Username=nm"
              schema-name = nodemanager
              table-name = events
              auto-initialize = off
              batch-size = 42
            }
            """));

        var akka = settings.ToAkkaConfig();

        Assert.Equal("akka.persistence.journal.sql", akka.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("akka.persistence.snapshot-store.sql", akka.GetString("akka.persistence.snapshot-store.plugin"));
        foreach (var store in new[] { "journal.sql", "snapshot-store.sql", "query.journal.sql" })
        {
            Assert.Equal("PostgreSQL.15", akka.GetString($"akka.persistence.{store}.provider-name"));
            Assert.Equal("Host=db1;Database=nm;Username=nm", akka.GetString($"akka.persistence.{store}.connection-string"));
            Assert.Equal("nodemanager", akka.GetString($"akka.persistence.{store}.default.schema-name"));
            Assert.Equal("default", akka.GetString($"akka.persistence.{store}.table-mapping"));
        }

        Assert.Equal("events", akka.GetString("akka.persistence.journal.sql.default.journal.table-name"));
        Assert.Equal("events_tags", akka.GetString("akka.persistence.journal.sql.default.tag.table-name"));
        Assert.Equal("events", akka.GetString("akka.persistence.query.journal.sql.default.journal.table-name"));
        Assert.Equal("snapshot", akka.GetString("akka.persistence.snapshot-store.sql.default.snapshot.table-name"));
        Assert.False(akka.GetBoolean("akka.persistence.journal.sql.auto-initialize"));
        Assert.False(akka.GetBoolean("akka.persistence.snapshot-store.sql.auto-initialize"));
        Assert.Equal(42, akka.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal(JournalSettings.WriteQueue, akka.GetInt("akka.persistence.journal.sql.buffer-size"));
        // PostgreSQL keeps Akka.Persistence.Sql's read isolation; SQLite's is below.
        Assert.NotEqual("read-uncommitted", akka.GetString("akka.persistence.journal.sql.read-isolation-level"));
        // Akka.Persistence.Sql's own defaults are there beneath: the snapshot store's class and the column names. The
        // journal is its subclass that times each write.
        Assert.Equal("NodeManager.Persistence.TimedSqlWriteJournal, nodemgr", akka.GetString("akka.persistence.journal.sql.class"));
        Assert.StartsWith("Akka.Persistence.Sql.Snapshot.", akka.GetString("akka.persistence.snapshot-store.sql.class"), StringComparison.Ordinal);
        Assert.Equal("manifest", akka.GetString("akka.persistence.journal.sql.default.journal.columns.manifest"));
        Assert.Equal(ProductSerialization.SerializerName,
            akka.GetString($"akka.actor.serialization-bindings.\"{typeof(IVersionedMessage).FullName}, NodeManager.Core\""));
    }

    [Fact]
    public void Akka_config_must_defer_sqlite_reads_and_queue_writes_for_thousands_of_nodes()
    {
        var akka = JournalSettings.Default.ToAkkaConfig();

        Assert.Equal("read-uncommitted", akka.GetString("akka.persistence.journal.sql.read-isolation-level"));
        Assert.Equal("read-uncommitted", akka.GetString("akka.persistence.snapshot-store.sql.read-isolation-level"));
        Assert.Equal(JournalSettings.WriteQueue, akka.GetInt("akka.persistence.journal.sql.buffer-size"));
    }

    [Fact]
    public void A_specs_own_journal_must_hold_its_snapshots_too_so_that_parallel_suites_share_no_file()
    {
        var settings = JournalSettings.Create(NodeManager.Tests.Configuration.TestConfig.WithOwnJournal());

        Assert.StartsWith(Path.GetTempPath(), settings.Journal.SqlitePath, StringComparison.Ordinal);
        Assert.Equal(settings.Journal.SqlitePath, settings.SnapshotStore.SqlitePath);
    }

    [Fact]
    public void Akka_setup_must_open_every_sqlite_plugins_connections_through_the_yielding_interceptor_and_leave_postgresql_alone()
    {
        var sqlite = Assert.IsType<MultiDataOptionsSetup>(JournalSettings.Default.ToAkkaSetup());
        var postgreSql = JournalSettings.Default.Journal with { Backend = JournalBackend.PostgreSql, ConnectionString = "Host=db1;Database=nm" };
        var shared = Assert.IsType<MultiDataOptionsSetup>((JournalSettings.Default with { Journal = postgreSql, SnapshotStore = postgreSql }).ToAkkaSetup());

        foreach (var plugin in new[] { SqlPersistence.JournalConfigPath, SqlPersistence.SnapshotStoreConfigPath, SqlPersistence.QueryConfigPath })
        {
            Assert.True(sqlite.TryGetDataOptionsFor(plugin, out var options), plugin);
            Assert.Equal(LinqToDB.ProviderName.SQLiteMS, options!.ConnectionOptions.ProviderName);
            Assert.Equal(JournalSettings.Default.Journal.EffectiveConnectionString, options.ConnectionOptions.ConnectionString);
            Assert.Contains(SqliteAsyncOpen.Instance, options.DataContextOptions.Interceptors ?? []);
            Assert.False(shared.TryGetDataOptionsFor(plugin, out _), plugin);
        }
    }

    [Fact]
    public async Task Sqlite_connections_must_open_asynchronously_so_that_no_caller_runs_the_store_work_itself()
    {
        var folder = Directory.CreateTempSubdirectory("nm-open-");
        try
        {
            var store = JournalSettings.Default.Journal with { ConnectionString = $"Data Source={Path.Combine(folder.FullName, "j.db")}" };
            var setup = Assert.IsType<MultiDataOptionsSetup>((JournalSettings.Default with { Journal = store }).ToAkkaSetup());
            Assert.True(setup.TryGetDataOptionsFor(SqlPersistence.JournalConfigPath, out var options));
            var queued = new QueuedContext();
            Task<LinqToDB.Data.DataConnectionTransaction> begin;
            await using var connection = new LinqToDB.Data.DataConnection(options!);

            // Microsoft.Data.Sqlite would open and begin on this thread, returning a finished task; with the interceptor
            // nothing has happened yet when the call returns, and the rest runs wherever the continuation is posted.
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(queued);
            try
            {
                begin = connection.BeginTransactionAsync();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }

            Assert.False(begin.IsCompleted);
            Assert.Equal(1, queued.Pending);
            queued.RunAll();
            await using var transaction = await begin.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(System.Data.ConnectionState.Open, connection.TryGetDbConnection()?.State);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Holds posted continuations until the test runs them: shows whether a call yielded before doing its work.</summary>
    private sealed class QueuedContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

        public int Pending => _posted.Count;

        public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

        public void RunAll()
        {
            while (_posted.TryDequeue(out var next))
                next.Callback(next.State);
        }
    }

    [Fact]
    public void Akka_config_must_carry_any_connection_string_verbatim_and_sqlite_files_as_absolute_paths()
    {
        const string tricky = "Host=db1;Database=nm;Username=nm;Password=\"p\"\"w\\\\${x} # not a comment\"";
        var postgreSql = JournalSettings.Default.Journal with { Backend = JournalBackend.PostgreSql, ConnectionString = tricky };
        var sqlite = JournalSettings.Default.Journal with { ConnectionString = "Data Source=./data/nm.db;Default Timeout=5" };

        var akka = (JournalSettings.Default with { Journal = postgreSql }).ToAkkaConfig();
        var file = (JournalSettings.Default with { Journal = sqlite }).ToAkkaConfig();

        Assert.Equal(tricky, akka.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal($"Data Source={Path.GetFullPath("data/nm.db")};Default Timeout=5", file.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal("SQLite.MS", file.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.True(file.GetValue("akka.persistence.journal.sql.default.schema-name").IsEmpty || file.GetString("akka.persistence.journal.sql.default.schema-name") is null);
    }

    // Unresolved reference beneath, as the host loads it: the snapshot store's substitutions follow the operator's journal.
    [Fact]
    public void Two_bad_journal_keys_must_both_be_reported_with_file_line_and_key()
    {
        var config = Load("""
            node-manager.persistence {
              journal { plugin = mysql, batch-size = 0 }
              snapshot-every = -1
            }
            """);

        var errors = Assert.Throws<ConfigErrorsException>(() => JournalSettings.Create(config)).Errors;

        Assert.Equal(
            [
                "operator.conf:2:22: node-manager.persistence.journal.plugin",
                "operator.conf:2:42: node-manager.persistence.journal.batch-size",
                "operator.conf:3:20: node-manager.persistence.snapshot-every",
            ],
            errors.Select(e => $"{e.Origin}: {e.Path}").Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.EndsWith("expected sqlite or postgresql, got \"mysql\"", StringComparison.Ordinal));
    }

    private static Config Load(string operatorText) =>
        ConfigFactory.ParseString(operatorText, "operator.conf").WithFallback(NodeManagerConfig.ParseReference()).Resolve();
}
