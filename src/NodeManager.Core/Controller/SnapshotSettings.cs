using NodeManager.Core.Districts;
using NodeManager.Hocon;

namespace NodeManager.Core.Controller;

/// <summary>
/// <c>node-manager.persistence.snapshot-every</c> and <c>snapshot-every-by-actor</c>: how many events a persistent actor
/// journals between two snapshots of its state (0 = never), so that recovery replays at most that many.
/// </summary>
/// <param name="Every">Events between snapshots of every actor type that takes them (0 = never).</param>
/// <param name="ByActor">Per actor type name: overrides <paramref name="Every"/>.</param>
public sealed record SnapshotSettings(int Every, IReadOnlyDictionary<string, int> ByActor)
{
    private const string Section = "node-manager.persistence";

    /// <summary>
    /// The actor types that take snapshots: a district's state grows with every decision it journals, while a node's
    /// journal holds tens of events from request to reclaim, replayed faster than a snapshot is read.
    /// </summary>
    public static IReadOnlyList<string> SnapshottingActors { get; } = [nameof(DistrictSupervisorActor)];

    /// <summary>reference.conf's defaults: every 500 events, no override.</summary>
    public static SnapshotSettings Default { get; } = new(500, new Dictionary<string, int>());

    /// <summary>Reads the two keys from the root config.</summary>
    /// <exception cref="ConfigException">a value is negative, or an override names an actor type that takes no snapshots.</exception>
    public static SnapshotSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        var overrides = section.GetConfig("snapshot-every-by-actor");
        var byActor = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in overrides.Keys)
            byActor[actor] = Override(overrides, actor);
        return new SnapshotSettings(Interval(section, "snapshot-every"), byActor);
    }

    /// <summary>An override of <c>snapshot-every-by-actor</c>: it must name an actor type that takes snapshots.</summary>
    /// <exception cref="ConfigException">it names another type, or is negative.</exception>
    public static int Override(Config overrides, string actor)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (!SnapshottingActors.Contains(actor))
            throw ConfigException.BadValue(overrides, actor,
                $"names no actor type that takes snapshots; only {string.Join(", ", SnapshottingActors)} does (a node's journal is short)");
        return Interval(overrides, actor);
    }

    /// <summary>A number of events, 0 for never.</summary>
    /// <exception cref="ConfigException">the value is negative.</exception>
    public static int Interval(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = config.GetInt(path);
        if (value < 0)
            throw ConfigException.BadValue(config, path, $"must be 0 (off) or a number of events, got {value}");
        return value;
    }

    /// <summary>
    /// The interval for <paramref name="actorType"/>: its <c>snapshot-every-by-actor</c> entry, else the type's own
    /// interval when it has one (<paramref name="typeDefault"/> &gt; 0), else <c>snapshot-every</c>. 0 means never.
    /// </summary>
    public int For(Type actorType, int typeDefault = 0)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (ByActor.TryGetValue(actorType.Name, out var every))
            return every;
        return typeDefault > 0 ? typeDefault : Every;
    }
}
