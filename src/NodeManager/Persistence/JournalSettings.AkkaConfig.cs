using System.Globalization;
using System.Text;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;
using LinqToDB;
using NodeManager.Core.Serialization;

namespace NodeManager.Persistence;

public sealed partial record JournalSettings
{
    /// <summary>The journal's tag table is named after it: <c>&lt;table-name&gt;_tags</c>.</summary>
    public const string TagTableSuffix = "_tags";

    /// <summary>
    /// Akka.Persistence.Sql as journal, snapshot store and query journal on these stores, plus the product's serializer
    /// bindings, falling back on Akka.Persistence.Sql's defaults. The result holds the connection strings with their
    /// passwords: never log it.
    /// </summary>
    public Config ToAkkaConfig()
    {
        var hocon = new StringBuilder()
            .AppendLine("akka.persistence {")
            .AppendLine($"  journal.plugin = {Quote(SqlPersistence.JournalConfigPath)}")
            .AppendLine($"  snapshot-store.plugin = {Quote(SqlPersistence.SnapshotStoreConfigPath)}")
            .AppendLine("  journal.sql {")
            .AppendLine($"    class = {Quote($"{typeof(TimedSqlWriteJournal).FullName}, {typeof(TimedSqlWriteJournal).Assembly.GetName().Name}")}")
            .Append(Connection(Journal))
            .AppendLine($"    auto-initialize = {Bool(Journal.AutoInitialize)}")
            .AppendLine($"    batch-size = {Journal.BatchSize.ToString(CultureInfo.InvariantCulture)}")
            .AppendLine($"    buffer-size = {WriteQueue.ToString(CultureInfo.InvariantCulture)}")
            .Append(SqliteReads(Journal))
            .Append(JournalMapping())
            .AppendLine("  }")
            .AppendLine("  snapshot-store.sql {")
            .Append(Connection(SnapshotStore))
            .AppendLine($"    auto-initialize = {Bool(SnapshotStore.AutoInitialize)}")
            .Append(SqliteReads(SnapshotStore))
            .AppendLine("    table-mapping = default")
            .AppendLine("    default {")
            .AppendLine($"      schema-name = {Schema(SnapshotStore)}")
            .AppendLine($"      snapshot.table-name = {Quote(SnapshotStore.TableName)}")
            .AppendLine("    }")
            .AppendLine("  }")
            .AppendLine("  query.journal.sql {")
            .Append(Connection(Journal))
            .AppendLine($"    write-plugin = {Quote(SqlPersistence.JournalConfigPath)}")
            .Append(JournalMapping())
            .AppendLine("  }")
            .AppendLine("}");
        return ConfigurationFactory.ParseString(hocon.ToString())
            .WithFallback(ProductSerialization.Config)
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>
    /// What the actor system needs beside <see cref="ToAkkaConfig"/>: for a SQLite store, linq2db options that open its
    /// connections through <see cref="SqliteAsyncOpen"/> (Akka.Persistence.Sql takes them per plugin from this setup and
    /// then reads the store's connection from them rather than from the configuration); nothing for PostgreSQL, whose
    /// driver is asynchronous. Holds the connection strings: never log it.
    /// </summary>
    public Setup ToAkkaSetup()
    {
        var setup = new MultiDataOptionsSetup();
        if (Journal.Backend == JournalBackend.Sqlite)
        {
            setup.AddDataOptions(SqlPersistence.JournalConfigPath, SqliteOptions(Journal));
            setup.AddDataOptions(SqlPersistence.QueryConfigPath, SqliteOptions(Journal));
        }

        if (SnapshotStore.Backend == JournalBackend.Sqlite)
            setup.AddDataOptions(SqlPersistence.SnapshotStoreConfigPath, SqliteOptions(SnapshotStore));
        return setup;
    }

    private static DataOptions SqliteOptions(JournalStoreSettings store) => new DataOptions()
        .UseConnectionString(ProviderName(store.Backend), store.EffectiveConnectionString)
        .UseInterceptor(SqliteAsyncOpen.Instance);

    /// <summary>
    /// Writes Akka.Persistence.Sql's journal queues before it fails them ("the queue buffer was full", which stops their
    /// actors and soon opens the journal's circuit breaker for all). Its default of 5,000 is overrun when thousands of
    /// nodes start at once, as after a restart of a large cluster; a queued write costs a few hundred bytes.
    /// </summary>
    public const int WriteQueue = 100_000;

    /// <summary>
    /// SQLite only. Akka.Persistence.Sql's read transactions (isolation "unspecified") become Microsoft.Data.Sqlite's
    /// <c>BEGIN IMMEDIATE</c>, which takes the file's write lock, and a connection that finds it taken sleeps 150 ms
    /// before trying again: recoveries of many actors queue behind each other and behind every write.
    /// "read-uncommitted" begins them deferred (in WAL mode a reader still sees one consistent snapshot, and without a
    /// shared cache nothing uncommitted is ever visible).
    /// </summary>
    private static string SqliteReads(JournalStoreSettings store) =>
        store.Backend == JournalBackend.Sqlite ? "    read-isolation-level = read-uncommitted" + Environment.NewLine : "";

    private string JournalMapping() => new StringBuilder()
        .AppendLine("    table-mapping = default")
        .AppendLine("    default {")
        .AppendLine($"      schema-name = {Schema(Journal)}")
        .AppendLine($"      journal.table-name = {Quote(Journal.TableName)}")
        .AppendLine($"      tag.table-name = {Quote(Journal.TableName + TagTableSuffix)}")
        .AppendLine("    }")
        .ToString();

    private static string Connection(JournalStoreSettings store) => new StringBuilder()
        .AppendLine($"    connection-string = {Quote(store.EffectiveConnectionString)}")
        .AppendLine($"    provider-name = {Quote(ProviderName(store.Backend))}")
        .ToString();

    private static string ProviderName(JournalBackend backend) => backend switch
    {
        JournalBackend.Sqlite => LinqToDB.ProviderName.SQLiteMS,
        JournalBackend.PostgreSql => LinqToDB.ProviderName.PostgreSQL15,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    // SQLite has no schemas: Akka.Persistence.Sql's default (null) leaves table names unqualified.
    private static string Schema(JournalStoreSettings store) =>
        store.Backend == JournalBackend.PostgreSql ? Quote(store.SchemaName) : "null";

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A HOCON quoted string: nothing in <paramref name="value"/> can end it or start a substitution.</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                < ' ' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
