using Akka.Actor;
using Akka.Coordination;
using NodeManager.Cluster.Lease;
using NodeManager.Core.Fencing;

namespace NodeManager.Cluster.Fencing;

/// <summary>
/// A district's fence read from the lease its Cluster Sharding shard holds. Akka's <c>Shard</c> (with
/// <c>akka.cluster.sharding.use-lease</c> set) takes the lease named <c>{system}-shard-{typeName}-{shardId}</c> for the
/// owner <c>Cluster.SelfAddress.HostPort()</c> (<c>system@host:port</c>) before it starts an entity; <see cref="LeaseProvider"/> hands out one
/// instance per name, config path and owner, so this fence reads the very lease the shard acquired and renews.
/// </summary>
/// <remarks>
/// With one district per shard (shard id = entity id = district name) a shard's lease is its district's. Before the
/// shard has acquired it, and after it is lost, the fence reads lost.
/// </remarks>
public sealed class ShardLeaseFence : IDistrictFence
{
    private readonly Akka.Coordination.Lease _lease;

    public ShardLeaseFence(ActorSystem system, string typeName, string shardId, string leaseConfigPath)
    {
        ArgumentNullException.ThrowIfNull(system);
        LeaseName = LeaseNameFor(system.Name, typeName, shardId);
        Owner = Akka.Cluster.Cluster.Get(system).SelfAddress.HostPort();
        _lease = LeaseProvider.Get(system).GetLease(LeaseName, leaseConfigPath, Owner);
    }

    public string LeaseName { get; }

    public string Owner { get; }

    /// <summary>The name Akka's Shard gives its lease.</summary>
    public static string LeaseNameFor(string systemName, string typeName, string shardId) => $"{systemName}-shard-{typeName}-{shardId}";

    public FenceStatus Check()
    {
        if (_lease.CheckLease()) return FenceStatus.Holding;
        return FenceStatus.Lost(_lease is PostgreSqlLease { LostReason: { } reason } ? reason : $"lease {LeaseName} is not held by {Owner}");
    }
}
