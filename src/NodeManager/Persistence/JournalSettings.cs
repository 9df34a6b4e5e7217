using Microsoft.Data.Sqlite;
using NodeManager.Core.Controller;
using NodeManager.Hocon;
using Npgsql;

namespace NodeManager.Persistence;

/// <summary>
/// <c>node-manager.persistence</c>: where Akka.Persistence keeps events and snapshots, and how often the product's
/// persistent actors take snapshots. <see cref="ToAkkaConfig"/> turns it into Akka.Persistence.Sql's configuration.
/// </summary>
/// <param name="SnapshotEvery">Events between automatic snapshots (0 = none unless the actor type asks).</param>
/// <param name="SnapshotEveryByActor">Per actor type name (<c>DistrictSupervisorActor</c>): overrides the above.</param>
public sealed partial record JournalSettings(
    JournalStoreSettings Journal,
    JournalStoreSettings SnapshotStore,
    int SnapshotEvery,
    IReadOnlyDictionary<string, int> SnapshotEveryByActor)
{
    private const string Section = "node-manager.persistence";

    // PostgreSQL cuts longer identifiers short; the journal's table name also prefixes its tag table's.
    private const int MaxIdentifier = 63;

    public const string DefaultConnectionString = "Data Source=./data/nodemanager.db";

    /// <summary>The defaults of reference.conf: one SQLite file under ./data, snapshots every 500 events.</summary>
    public static JournalSettings Default { get; } = new(
        new JournalStoreSettings(JournalBackend.Sqlite, DefaultConnectionString, "public", "journal", true, 100),
        new JournalStoreSettings(JournalBackend.Sqlite, DefaultConnectionString, "public", "snapshot", true, 100),
        500,
        new Dictionary<string, int>());

    /// <summary>Reads <c>node-manager.persistence</c> of the root config; a bad value names file, line, column and key.</summary>
    /// <exception cref="ConfigException">a value is missing, of the wrong type or out of range.</exception>
    public static JournalSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        var snapshots = SnapshotSettings.Create(config);
        var journal = section.GetConfig("journal");
        return new JournalSettings(
            Store(journal, BatchSize(journal), maxTableName: MaxIdentifier - TagTableSuffix.Length),
            Store(section.GetConfig("snapshot-store"), Default.SnapshotStore.BatchSize, MaxIdentifier),
            snapshots.Every,
            snapshots.ByActor);
    }

    /// <summary>
    /// The snapshot interval for an actor type: <c>snapshot-every-by-actor.&lt;type name&gt;</c>, else the type's own
    /// interval when it has one (<paramref name="typeDefault"/> &gt; 0), else <c>snapshot-every</c>. 0 means never.
    /// </summary>
    public int SnapshotEveryFor(Type actorType, int typeDefault = 0) =>
        new SnapshotSettings(SnapshotEvery, SnapshotEveryByActor).For(actorType, typeDefault);

    public override string ToString() =>
        $"journal: {Journal}; snapshot store: {SnapshotStore}; snapshot-every {SnapshotEvery}" +
        string.Concat(SnapshotEveryByActor.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $", {p.Key} {p.Value}"));

    private static JournalStoreSettings Store(Config store, int batchSize, int maxTableName)
    {
        var backend = store.GetString("plugin") switch
        {
            "sqlite" => JournalBackend.Sqlite,
            "postgresql" => JournalBackend.PostgreSql,
            var other => throw ConfigException.BadValue(store, "plugin", $"expected sqlite or postgresql, got \"{other}\""),
        };
        var connectionString = store.GetString("connection-string");
        CheckConnectionString(store, backend, connectionString);
        return new JournalStoreSettings(
            backend,
            connectionString,
            Identifier(store, "schema-name", MaxIdentifier),
            Identifier(store, "table-name", maxTableName),
            store.GetBoolean("auto-initialize"),
            batchSize);
    }

    private static void CheckConnectionString(Config store, JournalBackend backend, string connectionString)
    {
        const string key = "connection-string";
        if (string.IsNullOrWhiteSpace(connectionString))
            throw ConfigException.BadValue(store, key, "must not be empty");
        try
        {
            if (backend == JournalBackend.Sqlite)
            {
                var sqlite = new SqliteConnectionStringBuilder(connectionString);
                if (string.IsNullOrWhiteSpace(sqlite.DataSource))
                    throw ConfigException.BadValue(store, key, "names no file: give \"Data Source=<path>\"");
                if (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource.Trim() == ":memory:")
                    throw ConfigException.BadValue(store, key, "is an in-memory SQLite database, which forgets every event on exit: give a file");
                if (sqlite.Mode == SqliteOpenMode.ReadOnly)
                    throw ConfigException.BadValue(store, key, "opens the file read-only; the journal writes to it");
            }
            else if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host))
            {
                throw ConfigException.BadValue(store, key, "names no server: give \"Host=<name>;Database=<db>;Username=<user>\"");
            }
        }
        catch (ArgumentException e)
        {
            // The builders name the offending keyword, never a value.
            throw ConfigException.BadValue(store, key, $"is not a valid {backend} connection string: {e.Message}");
        }
    }

    private static int BatchSize(Config journal)
    {
        var batchSize = journal.GetInt("batch-size");
        if (batchSize < 1)
            throw ConfigException.BadValue(journal, "batch-size", $"must be at least 1, got {batchSize}");
        return batchSize;
    }

    private static string Identifier(Config config, string path, int maxLength)
    {
        var value = config.GetString(path);
        if (value.Length == 0 || value.Length > maxLength || !(char.IsAsciiLetter(value[0]) || value[0] == '_') ||
            !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw ConfigException.BadValue(config, path,
                $"must be 1 to {maxLength} letters, digits or '_', not starting with a digit; got \"{value}\"");
        }

        return value;
    }
}
