using System.Data.Common;
using Npgsql;

namespace NodeManager.Persistence.Sql;

internal sealed class PostgreSqlDialect(StoreSettings settings) : SqlDialect
{
    public override string Name => "postgresql";

    public override DbConnection CreateConnection() => new NpgsqlConnection(settings.ConnectionString);

    public override string Table(string table) => Quote(settings.SchemaName) + "." + Quote(table);

    public override string AutoIncrementKey => "BIGSERIAL PRIMARY KEY";

    public override string BigInt => "BIGINT";

    public override string Blob => "BYTEA";

    public override string Boolean => "BOOLEAN";

    public override IEnumerable<string> InitializePrologue(string lockName) =>
    [
        // Members starting together would race on CREATE TABLE IF NOT EXISTS (a unique violation in pg_type);
        // a transaction-scoped advisory lock serializes them.
        $"SELECT pg_advisory_xact_lock(hashtext('{lockName.Replace("'", "''", StringComparison.Ordinal)}'))",
        $"CREATE SCHEMA IF NOT EXISTS {Quote(settings.SchemaName)}",
    ];

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
