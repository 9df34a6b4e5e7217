using Akka.Actor;
using Akka.Cluster.Sharding;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;

namespace NodeManager.Core.Tests.Support;

/// <summary>
/// The district shard region's stand-in for actor systems without Akka.Cluster (specs on virtual time, where cluster
/// gossip would wait for the test scheduler; benchmarks): the same <see cref="ShardingEnvelope"/> protocol and the same
/// entity (<see cref="DistrictEntity.Props"/>), started on the first message to a district, at
/// <c>/user/districts/district-&lt;name&gt;/district</c>.
/// </summary>
public sealed class LocalDistrictRegion : ReceiveActor
{
    private readonly ControllerServices _services;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);

    public LocalDistrictRegion(ControllerServices services)
    {
        _services = services;
        Receive<ShardingEnvelope>(m => Entity(m.EntityId).Forward(m.Message));
        Receive<Terminated>(t =>
        {
            foreach (var name in _entities.Where(kv => kv.Value.Equals(t.ActorRef)).Select(kv => kv.Key).ToList())
                _entities.Remove(name);
        });
    }

    /// <summary>The region's name under <c>/user</c>.</summary>
    public const string Name = "districts";

    public static Props PropsFor(ControllerServices services) => Props.Create(typeof(LocalDistrictRegion), services);

    private IActorRef Entity(string district)
    {
        if (_entities.TryGetValue(district, out var existing)) return existing;
        var entity = Context.ActorOf(DistrictEntity.Props(district, _services), $"district-{district}");
        Context.Watch(entity);
        _entities[district] = entity;
        return entity;
    }
}
