using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NodeManager.Persistence;

/// <summary>
/// One store, the journal or the snapshot store: the keys of <c>node-manager.persistence.journal</c> /
/// <c>.snapshot-store</c>. <see cref="ToString"/> and <see cref="Describe"/> never show the password.
/// </summary>
/// <param name="ConnectionString">ADO.NET connection string; holds the password, so never log it.</param>
/// <param name="SchemaName">PostgreSQL schema holding the table; ignored by SQLite.</param>
/// <param name="AutoInitialize">Create the folder, file, schema and tables when missing.</param>
/// <param name="BatchSize">Most events the journal writes in one round trip; the snapshot store ignores it.</param>
public sealed record JournalStoreSettings(
    JournalBackend Backend,
    string ConnectionString,
    string SchemaName,
    string TableName,
    bool AutoInitialize,
    int BatchSize)
{
    /// <summary>SQLite's database file as an absolute path (relative ones are taken from the working directory).</summary>
    /// <exception cref="InvalidOperationException">the store is not SQLite.</exception>
    public string SqlitePath => Backend == JournalBackend.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : throw new InvalidOperationException($"{Describe()} has no file.");

    /// <summary>
    /// The connection string Akka is given: for SQLite the file as an absolute path, so that every component opens the
    /// same file whatever its working directory.
    /// </summary>
    internal string EffectiveConnectionString => Backend == JournalBackend.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString) { DataSource = SqlitePath }.ConnectionString
        : ConnectionString;

    /// <summary>Names the store without secrets, e.g. "PostgreSQL at db1:5432, database 'nm', user 'nm', schema 'public'".</summary>
    public string Describe()
    {
        if (Backend == JournalBackend.Sqlite)
            return $"SQLite file {SqlitePath}";
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var database = builder.Database ?? builder.Username ?? "(default)";
        return $"PostgreSQL at {builder.Host}:{builder.Port}, database '{database}', user '{builder.Username ?? "(default)"}', schema '{SchemaName}'";
    }

    public override string ToString() =>
        $"{Backend} store {TableName} at \"{MaskPassword(ConnectionString)}\"" +
        (Backend == JournalBackend.PostgreSql ? $", schema {SchemaName}" : "") +
        $" (auto-initialize {AutoInitialize}, batch-size {BatchSize})";

    /// <summary>The connection string with every password-like value replaced by ***, fit for logs and errors.</summary>
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
            if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                builder[key] = "***";
        }

        return builder.ConnectionString;
    }
}
