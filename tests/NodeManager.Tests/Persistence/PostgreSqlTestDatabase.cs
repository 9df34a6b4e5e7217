namespace NodeManager.Tests.Persistence;

/// <summary>
/// Where the PostgreSQL suites run: the connection string in NODEMANAGER_TEST_POSTGRES (the build script sets it,
/// starting a throwaway server when needed). Unset is a failure, never a silent skip.
/// </summary>
public static class PostgreSqlTestDatabase
{
    public const string Variable = "NODEMANAGER_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL suites (journal, lease) cannot run. Run the tests through " +
                "`dotnet cake --target=Test` (it starts a throwaway PostgreSQL) or set it to a connection string, e.g. " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
}
