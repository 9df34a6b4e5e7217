namespace NodeManager.Core.Nodes;

/// <summary>Per-state timeouts and retry knobs of a node's life (<c>node-manager.scaling.lifecycle</c>).</summary>
public sealed partial record NodeLifecycleSettings
{
    /// <summary>How often a waiting node looks at the cloud or the platform again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan AttachTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long a drain with gears left raises an alert; the node stays Draining (never deleted with gears).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts after the first when a server errors or a boot/attach times out.</summary>
    public int LaunchRetries { get; init; } = 2;

    /// <summary>Gears moved at once while draining.</summary>
    public int DrainConcurrency { get; init; } = 1;

    /// <summary>How many finished (Reclaimed, Failed, Aborted) nodes each district keeps in its journaled state for /nodes.</summary>
    public int FinishedKept { get; init; } = 50;

    /// <summary>
    /// A district or node actor stopped by a journal failure starts again after this, doubled per further failure up
    /// to <see cref="RestartBackoffMax"/>.
    /// </summary>
    public TimeSpan RestartBackoffMin { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An Active node idle this long stops its actor (its district keeps its view and recreates it from the journal when
    /// a drain or a check needs it); null never passivates.
    /// </summary>
    public TimeSpan? PassivateAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The restart delay after <paramref name="failures"/> failures in a row (1 → min).</summary>
    public TimeSpan RestartDelay(int failures) => Scaling.BackoffState.Delay(failures, RestartBackoffMin, RestartBackoffMax);

    public static NodeLifecycleSettings Default { get; } = new();
}
