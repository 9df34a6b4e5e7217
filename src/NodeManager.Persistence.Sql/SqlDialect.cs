using System.Data.Common;

namespace NodeManager.Persistence.Sql;

/// <summary>What differs between SQLite and PostgreSQL: connections, identifiers, column types, error codes.</summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(StoreSettings settings) => settings.Plugin switch
    {
        PersistencePlugin.Sqlite => new SqliteDialect(settings),
        PersistencePlugin.PostgreSql => new PostgreSqlDialect(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Plugin, "not a SQL plugin"),
    };

    /// <summary>The name a <c>WritePreconditionContext</c> carries: "sqlite" or "postgresql".</summary>
    public abstract string Name { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>The table's name, quoted and schema-qualified where the dialect has schemas.</summary>
    public abstract string Table(string table);

    public abstract string AutoIncrementKey { get; }

    public abstract string BigInt { get; }

    public abstract string Blob { get; }

    public abstract string Boolean { get; }

    /// <summary>Statements run once, first, in the initializing transaction (PostgreSQL: schema and a lock).</summary>
    public abstract IEnumerable<string> InitializePrologue(string lockName);

    /// <summary>Called once before the first connection is opened (SQLite: create the folder and switch to WAL).</summary>
    public virtual Task PrepareStoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Begins a transaction that will write.</summary>
    public virtual async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public abstract bool IsUniqueViolation(DbException exception);

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
