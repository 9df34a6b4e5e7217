namespace NodeManager.Actors.Persistence;

/// <summary>A precondition evaluated in process (in-memory journal, tests); ignores the store's connection.</summary>
public sealed class DelegateWritePrecondition(string description, Func<bool> isSatisfied) : IWritePrecondition
{
    public string Description { get; } = description;

    public ValueTask<bool> IsSatisfiedAsync(WritePreconditionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(isSatisfied());
}
