using System.Data.Common;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// One store (journal or snapshot store): which plugin and, for SQL, where its table lives — the keys of
/// <c>node-manager.persistence.journal</c> / <c>.snapshot-store</c>. <see cref="ToString"/> masks the connection
/// string's password: settings may be logged, the secret never is.
/// </summary>
public sealed record StoreSettings
{
    public StoreSettings(PersistencePlugin plugin, string connectionString, string tableName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (plugin != PersistencePlugin.InMemory)
            ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        Plugin = plugin;
        ConnectionString = connectionString;
        TableName = tableName;
    }

    public PersistencePlugin Plugin { get; init; }

    public string ConnectionString { get; init; }

    public string TableName { get; init; }

    /// <summary>PostgreSQL schema holding the tables (created when missing); ignored by SQLite.</summary>
    public string SchemaName { get; init; } = "public";

    public string SchemaVersionTableName { get; init; } = "schema_version";

    /// <summary>Create the tables (and for SQLite the file) on first use.</summary>
    public bool AutoInitialize { get; init; } = true;

    /// <summary>Most atomic writes coalesced into one transaction by the batching writer (journal only).</summary>
    public int BatchSize { get; init; } = 100;

    public override string ToString() => Plugin == PersistencePlugin.InMemory
        ? $"in-memory store {TableName}"
        : $"{Plugin} store {SchemaName}.{TableName} at \"{MaskPassword(ConnectionString)}\" " +
        $"(auto-initialize {AutoInitialize}, batch-size {BatchSize})";

    /// <summary>The connection string with any password replaced by ***, fit for logs and error messages.</summary>
    public static string MaskPassword(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }

        foreach (var key in builder.Keys.Cast<string>().ToList())
        {
            if (key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                builder[key] = "***";
        }

        return builder.ConnectionString;
    }
}
