using System.Runtime.CompilerServices;
using NodeManager.Hocon;
using NodeManager.Persistence.Sql;

namespace NodeManager.Persistence.Tests.Configuration;

public sealed class PersistenceSettingsSpec
{
    [Fact]
    public void Settings_must_default_to_one_sqlite_file_under_data()
    {
        var settings = PersistenceSettings.Create(Load(""));

        Assert.Equal(PersistencePlugin.Sqlite, settings.Journal.Plugin);
        Assert.Equal("Data Source=./data/nodemanager.db", settings.Journal.ConnectionString);
        Assert.Equal(("journal", "schema_version", true, 100), (settings.Journal.TableName, settings.Journal.SchemaVersionTableName, settings.Journal.AutoInitialize, settings.Journal.BatchSize));
        Assert.Equal(PersistencePlugin.Sqlite, settings.SnapshotStore.Plugin);
        Assert.Equal(settings.Journal.ConnectionString, settings.SnapshotStore.ConnectionString);
        Assert.Equal("snapshot", settings.SnapshotStore.TableName);
        Assert.Equal(500, settings.SnapshotEvery);
        Assert.Empty(settings.SnapshotEveryByActor);
        Assert.Equal(PersistenceSettings.Default, settings with { SnapshotEveryByActor = PersistenceSettings.Default.SnapshotEveryByActor });
    }

    [Fact]
    public void Settings_must_read_an_operators_postgresql_store_and_never_show_its_password()
    {
        var settings = PersistenceSettings.Create(Load("""
            node-manager.persistence {
              journal {
                plugin = postgresql
                connection-string = "Host=db1;Username=nm;Password=s3cret-pw;Database=nm"
                schema-name = nodemanager
                batch-size = 250
              }
              snapshot-every = 50
              snapshot-every-by-actor { NodeLifecycleActor = 20 }
            }
            """));

        Assert.Equal(PersistencePlugin.PostgreSql, settings.Journal.Plugin);
        Assert.Equal(PersistencePlugin.PostgreSql, settings.SnapshotStore.Plugin);
        Assert.Equal("nodemanager", settings.SnapshotStore.SchemaName);
        Assert.Equal(250, settings.Journal.BatchSize);
        Assert.Equal(20, settings.ToOptions().SnapshotEveryFor(typeof(NodeLifecycleActor), 0));
        Assert.Equal(50, settings.ToOptions().SnapshotEveryFor(typeof(PersistenceSettingsSpec), 0));
        Assert.DoesNotContain("s3cret-pw", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", settings.Journal.ToString(), StringComparison.Ordinal);
        Assert.Contains("host=db1", settings.Journal.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("journal.plugin = mysql", "node-manager.persistence.journal.plugin")]
    [InlineData("journal.batch-size = 0", "node-manager.persistence.journal.batch-size")]
    [InlineData("snapshot-store.table-name = \"snap; drop\"", "node-manager.persistence.snapshot-store.table-name")]
    [InlineData("snapshot-every = -1", "node-manager.persistence.snapshot-every")]
    public void Settings_must_reject_a_bad_value_naming_file_line_and_key(string line, string key)
    {
        var error = Assert.Throws<ConfigException>(() => PersistenceSettings.Create(Load("node-manager.persistence." + line)));

        Assert.Contains("operator.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static Config Load(string operatorText) =>
        ConfigFactory.ParseString(operatorText, "operator.conf")
            .WithFallback(ConfigFactory.ParseString(File.ReadAllText(ReferenceConf()), "reference.conf"))
            .Resolve();

    private static string ReferenceConf([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "hocon", "reference.conf");
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException("hocon/reference.conf not found above " + here);
    }

    private sealed class NodeLifecycleActor;
}
