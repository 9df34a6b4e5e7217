using Akka.Cluster;
using AkkaCluster = Akka.Cluster.Cluster;

namespace NodeManager.Management;

/// <summary>
/// What <c>GET /cluster/members</c> reads: this member's view of the Akka.Cluster, attached by the host once the actor
/// system runs (until then the route answers 503 like the controller's routes).
/// </summary>
public sealed class ClusterMembersSlot
{
    private volatile AkkaCluster? _cluster;

    public void Attach(AkkaCluster cluster) => _cluster = cluster;

    /// <summary>The members as this member sees them now, in Akka Management's shape.</summary>
    /// <exception cref="ControllerNotStartedException">the actor system has not started yet.</exception>
    public ClusterMembersResponse Read()
    {
        var cluster = _cluster ?? throw new ControllerNotStartedException();
        var state = cluster.State;
        var oldest = state.Members.Where(m => m.Status == MemberStatus.Up)
            .Aggregate((Member?)null, (found, m) => found is null || m.IsOlderThan(found) ? m : found);
        return new ClusterMembersResponse(
            ManagementApi.Version,
            cluster.SelfAddress.ToString(),
            state.Leader?.ToString(),
            oldest?.Address.ToString(),
            [.. state.Members.Select(m => new ClusterMemberResponse(
                m.Address.ToString(), m.UniqueAddress.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Status.ToString(), [.. m.Roles.Order(StringComparer.Ordinal)]))],
            [.. state.Unreachable.Select(m => new UnreachableMemberResponse(m.Address.ToString(), m.Status.ToString()))]);
    }
}
