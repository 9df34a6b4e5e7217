using Akka.Actor;
using NodeManager.Core.Fencing;

namespace NodeManager.Cluster.Fencing;

/// <summary>
/// The fences of districts run as Cluster Sharding entities of <paramref name="typeName"/>, one district per shard
/// (shard id = district name), whose shards take the lease at <paramref name="leaseConfigPath"/>.
/// </summary>
public sealed class ShardLeaseFences(ActorSystem system, string typeName, string leaseConfigPath) : IDistrictFences
{
    public IDistrictFence For(string district) => new ShardLeaseFence(system, typeName, district, leaseConfigPath);
}
