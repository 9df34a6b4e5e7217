using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Pattern;
using NodeManager.Core.Controller;

namespace NodeManager.Core.Districts;

/// <summary>
/// A district as a Cluster Sharding entity: entity id = shard id = the district's name, so each district is a shard of
/// its own that exactly one member drives (and that a shard lease can guard on its own). The entity is a
/// <see cref="BackoffSupervisor"/> around the <see cref="DistrictSupervisorActor"/> (child name <c>district</c>): a
/// journal that fails a write or a replay stops the persistent actor, and the supervisor starts it again with
/// exponential back-off, recovering from the journal, while the shard keeps the entity alive. Messages sent during a
/// back-off are dropped: the watcher decides again every cycle. The persistence id is the district's name alone, so the
/// member that takes a district over recovers it, and its nodes, where the previous one stood.
/// </summary>
public static class DistrictEntity
{
    /// <summary>The sharded entity type; also the name under <c>/system/sharding</c>.</summary>
    public const string TypeName = "district";

    /// <summary>Addresses <paramref name="message"/> to the named district through the shard region (sender preserved).</summary>
    public static ShardingEnvelope To(string district, object message) => new(district, message);

    /// <summary>The entity's props: the district's supervisor under a back-off supervisor that restarts it on every stop.</summary>
    public static Props Props(string district, ControllerServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var lifecycle = services.Lifecycle;
        var options = Backoff.OnStop(
            Akka.Actor.Props.Create(typeof(DistrictSupervisorActor), district, services), "district",
            lifecycle.RestartBackoffMin, lifecycle.RestartBackoffMax, randomFactor: 0.1, maxNrOfRetries: -1);
        return BackoffSupervisor.Props(options);
    }

    /// <summary>
    /// Every message reaches a district in a <see cref="ShardingEnvelope"/>, which the region reads by itself (as it does
    /// sharding's own restart of remembered districts); the extractor only maps a district to its shard of one.
    /// </summary>
    public sealed class MessageExtractor : IMessageExtractor
    {
        public string? EntityId(object message) => null;

        public object? EntityMessage(object message) => message;

        public string? ShardId(object message) => null;

        public string ShardId(string entityId, object? messageHint = null) => entityId;
    }
}
