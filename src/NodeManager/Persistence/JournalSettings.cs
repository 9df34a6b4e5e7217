using Microsoft.Data.Sqlite;
using NodeManager.Core.Controller;
using NodeManager.Core.Settings;
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
        new JournalStoreSettings(JournalBackend.Sqlite, DefaultConnectionString, "public", "journal", true, 1000),
        new JournalStoreSettings(JournalBackend.Sqlite, DefaultConnectionString, "public", "snapshot", true, 100),
        500,
        new Dictionary<string, int>());

    /// <summary>Reads <c>node-manager.persistence</c> of the root config; every bad value names file, line, column and key.</summary>
    /// <exception cref="ConfigException">One value is missing, of the wrong type or out of range.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static JournalSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        var reader = new SettingsReader(section);
        var journal = section.GetConfig("journal");
        var journalReader = reader.For(journal);
        var journalStore = Store(journal, journalReader, journalReader.Read("batch-size", () => BatchSize(journal), 1), MaxIdentifier - TagTableSuffix.Length);
        var snapshotStore = Store(section.GetConfig("snapshot-store"), reader.For(section.GetConfig("snapshot-store")), Default.SnapshotStore.BatchSize, MaxIdentifier);
        var (snapshotEvery, byActor) = Snapshots(section, reader);
        return reader.Result(new JournalSettings(journalStore, snapshotStore, snapshotEvery, byActor));
    }

    /// <summary><c>snapshot-every</c> and <c>snapshot-every-by-actor</c>; each fault is collected in <paramref name="reader"/>.</summary>
    private static (int Every, Dictionary<string, int> ByActor) Snapshots(Config section, SettingsReader reader)
    {
        var byActor = new Dictionary<string, int>(StringComparer.Ordinal);
        var overrides = section.GetConfig("snapshot-every-by-actor");
        var overridesReader = reader.For(overrides);
        foreach (var actor in overrides.Keys)
            byActor[actor] = overridesReader.Read(actor, () => SnapshotSettings.Override(overrides, actor), 0);
        return (reader.Read("snapshot-every", () => SnapshotSettings.Interval(section, "snapshot-every"), 0), byActor);
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

    /// <summary>One store's keys; each fault is collected in <paramref name="reader"/> and the key read as a fallback.</summary>
    private static JournalStoreSettings Store(Config store, SettingsReader reader, int batchSize, int maxTableName)
    {
        JournalBackend? backend = reader.Read<JournalBackend?>("plugin", () => store.GetString("plugin") switch
        {
            "sqlite" => JournalBackend.Sqlite,
            "postgresql" => JournalBackend.PostgreSql,
            var other => throw ConfigException.BadValue(store, "plugin", $"expected sqlite or postgresql, got \"{other}\""),
        }, null);
        // A connection string is judged against its plugin: with the plugin at fault, only its presence is checked.
        var connectionString = reader.Read("connection-string", () =>
        {
            var value = store.GetString("connection-string");
            CheckConnectionString(store, backend, value);
            return value;
        }, "");
        return new JournalStoreSettings(
            backend ?? JournalBackend.Sqlite,
            connectionString,
            reader.Read("schema-name", () => Identifier(store, "schema-name", MaxIdentifier), ""),
            reader.Read("table-name", () => Identifier(store, "table-name", maxTableName), ""),
            reader.Boolean("auto-initialize"),
            batchSize);
    }

    private static void CheckConnectionString(Config store, JournalBackend? backend, string connectionString)
    {
        const string key = "connection-string";
        if (string.IsNullOrWhiteSpace(connectionString))
            throw ConfigException.BadValue(store, key, "must not be empty");
        if (backend is null)
            return;
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
