using NodeManager.Actors.Persistence;

namespace NodeManager.Persistence.Sql;

/// <summary>
/// A precondition written as a query per dialect: it holds when the query, run on the write's own connection and
/// transaction, returns at least one row. Parameters are named <c>@name</c> in the SQL. For example the cluster's
/// fencing check: <c>SELECT 1 FROM district_lease WHERE district = @d AND owner = @o AND epoch = @e AND
/// expires_at &gt; now() FOR SHARE</c>. A dialect without SQL fails the write loudly rather than passing it.
/// </summary>
public sealed class SqlWritePrecondition(
    string description,
    IReadOnlyDictionary<string, string> sqlByDialect,
    IReadOnlyDictionary<string, object?> parameters) : IWritePrecondition
{
    public string Description { get; } = description;

    public async ValueTask<bool> IsSatisfiedAsync(WritePreconditionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection is null || !sqlByDialect.TryGetValue(context.Dialect, out var sql))
            throw new InvalidOperationException(
                $"Precondition '{Description}' has no SQL for the {context.Dialect} store (it knows: {string.Join(", ", sqlByDialect.Keys)}).");
        await using var command = DbCommands.Create(context.Connection, context.Transaction, sql,
            parameters.Select(p => (p.Key, p.Value)).ToArray());
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is not null and not DBNull;
    }
}
