using NodeManager.Actors.Persistence;
using NodeManager.Hocon;

namespace NodeManager.Persistence.Sql;

/// <summary>The keys under <c>node-manager.persistence</c>: which journal and snapshot store, and snapshot intervals.</summary>
public sealed record PersistenceSettings(
    StoreSettings Journal,
    StoreSettings SnapshotStore,
    int SnapshotEvery,
    IReadOnlyDictionary<string, int> SnapshotEveryByActor)
{
    private const string Section = "node-manager.persistence";

    /// <summary>The embedded default: one SQLite file under ./data, snapshots every 500 events.</summary>
    public static PersistenceSettings Default { get; } = new(
        new StoreSettings(PersistencePlugin.Sqlite, DefaultConnectionString, "journal"),
        new StoreSettings(PersistencePlugin.Sqlite, DefaultConnectionString, "snapshot"),
        500,
        new Dictionary<string, int>());

    public const string DefaultConnectionString = "Data Source=./data/nodemanager.db";

    /// <summary>Reads <c>node-manager.persistence</c> of the root config; bad values name file:line:col and key.</summary>
    public static PersistenceSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        var byActor = new Dictionary<string, int>(StringComparer.Ordinal);
        var overrides = section.GetConfig("snapshot-every-by-actor");
        foreach (var actor in overrides.Keys)
            byActor[actor] = NonNegative(overrides, actor);
        return new PersistenceSettings(
            Store(section.GetConfig("journal"), readBatchSize: true),
            Store(section.GetConfig("snapshot-store"), readBatchSize: false),
            NonNegative(section, "snapshot-every"),
            byActor);
    }

    /// <summary>What persistent actors need of these settings.</summary>
    public PersistenceOptions ToOptions() => new(SnapshotEvery, SnapshotEveryByActor);

    public override string ToString() =>
        $"journal: {Journal}; snapshot store: {SnapshotStore}; snapshot-every {SnapshotEvery}";

    private static StoreSettings Store(Config store, bool readBatchSize)
    {
        var plugin = store.GetString("plugin") switch
        {
            "inmem" => PersistencePlugin.InMemory,
            "sqlite" => PersistencePlugin.Sqlite,
            "postgresql" => PersistencePlugin.PostgreSql,
            var other => throw ConfigException.BadValue(store, "plugin", $"expected one of inmem, sqlite, postgresql, got \"{other}\""),
        };
        var connectionString = store.GetString("connection-string");
        if (plugin != PersistencePlugin.InMemory && string.IsNullOrWhiteSpace(connectionString))
            throw ConfigException.BadValue(store, "connection-string", $"must not be empty for plugin {store.GetString("plugin")}");
        var settings = new StoreSettings(plugin, connectionString, Identifier(store, "table-name"))
        {
            SchemaName = Identifier(store, "schema-name"),
            SchemaVersionTableName = Identifier(store, "schema-version-table-name"),
            AutoInitialize = store.GetBoolean("auto-initialize"),
        };
        if (!readBatchSize)
            return settings;
        var batchSize = store.GetInt("batch-size");
        if (batchSize < 1)
            throw ConfigException.BadValue(store, "batch-size", $"must be at least 1, got {batchSize}");
        return settings with { BatchSize = batchSize };
    }

    private static string Identifier(Config config, string path)
    {
        var value = config.GetString(path);
        if (value.Length == 0 || value.Length > 63 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw ConfigException.BadValue(config, path, $"must be 1 to 63 letters, digits or '_', got \"{value}\"");
        return value;
    }

    private static int NonNegative(Config config, string path)
    {
        var value = config.GetInt(path);
        if (value < 0)
            throw ConfigException.BadValue(config, path, $"must be 0 (off) or a number of events, got {value}");
        return value;
    }
}
