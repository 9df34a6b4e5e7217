using System.Collections.Immutable;

namespace NodeManager.Core.Scaling;

/// <summary>
/// What the policy remembers between evaluations: since when each profile has run hot and each district cold.
/// Returned updated by <see cref="ScalingPolicy.Decide"/>; deciding again with the returned memory and the same input
/// yields the same decisions (the update is idempotent).
/// </summary>
public sealed record PolicyMemory(
    ImmutableDictionary<string, DateTimeOffset> HotSince,
    ImmutableDictionary<string, DateTimeOffset> ColdSince)
{
    public static PolicyMemory Empty { get; } = new(
        ImmutableDictionary<string, DateTimeOffset>.Empty, ImmutableDictionary<string, DateTimeOffset>.Empty);
}
