namespace NodeManager.Actors.Persistence;

/// <summary>
/// How persistent actors behave, beyond the stores: automatic snapshots every N events (0 = never), by default and per
/// actor type (keyed by the CLR type's simple name, e.g. "NodeLifecycleActor").
/// </summary>
public sealed record PersistenceOptions(int SnapshotEvery = 0, IReadOnlyDictionary<string, int>? SnapshotEveryByActor = null)
{
    /// <summary>
    /// The configured interval for an actor type: its per-type entry, else <paramref name="actorDefault"/> when the
    /// actor names one (&gt; 0), else <see cref="SnapshotEvery"/>. Configuration overrides code.
    /// </summary>
    public int SnapshotEveryFor(Type actorType, int actorDefault)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (SnapshotEveryByActor is not null && SnapshotEveryByActor.TryGetValue(actorType.Name, out var configured))
            return configured;
        return actorDefault > 0 ? actorDefault : SnapshotEvery;
    }
}
