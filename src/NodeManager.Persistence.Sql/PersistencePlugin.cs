namespace NodeManager.Persistence.Sql;

/// <summary>Which store backs the journal or the snapshot store (<c>plugin = inmem | sqlite | postgresql</c>).</summary>
public enum PersistencePlugin
{
    InMemory,
    Sqlite,
    PostgreSql,
}
