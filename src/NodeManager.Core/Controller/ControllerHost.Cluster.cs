using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;

namespace NodeManager.Core.Controller;

public sealed partial class ControllerHost
{
    /// <summary>The singleton's manager under <c>/user</c>; its proxy is <c>/user/capacity-watcher-proxy</c>.</summary>
    public const string WatcherName = "capacity-watcher";

    /// <summary>
    /// Starts the controller on a member of an Akka.Cluster (<c>akka.actor.provider = cluster</c>): the district shard
    /// region (<see cref="DistrictEntity"/>; remembering entities and the rest from <c>akka.cluster.sharding</c>), the
    /// capacity watcher as a cluster singleton on the oldest member (so the capacity source is read once per interval
    /// for the whole cluster) with a proxy on every member, and the sharing of district views between members (see
    /// <see cref="BoardReplicatorActor"/>).
    /// </summary>
    public static ControllerHost StartClustered(ControllerServices services, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(services);
        var cluster = Cluster.Get(system);
        ShareBoard(services.Board, system, cluster.SelfAddress.ToString());
        var sharding = ClusterSharding.Get(system);
        var region = sharding.Start(
            DistrictEntity.TypeName,
            district => DistrictEntity.Props(district, services),
            ClusterShardingSettings.Create(system),
            new DistrictEntity.MessageExtractor());
        var manager = system.ActorOf(
            ClusterSingletonManager.Props(
                Props.Create(typeof(CapacityWatcherActor), services, region),
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system)),
            WatcherName);
        var proxy = system.ActorOf(
            ClusterSingletonProxy.Props($"/user/{WatcherName}", ClusterSingletonProxySettings.Create(system)),
            $"{WatcherName}-proxy");
        return new ControllerHost(system, services, region, proxy, new ClusterParts(cluster, manager));
    }

    /// <summary>
    /// What this member's districts and watcher publish goes to every member's board through distributed
    /// publish-subscribe; a <see cref="BoardReplicatorActor"/> writes the others' into this one.
    /// </summary>
    private static void ShareBoard(ControllerBoard board, ActorSystem system, string member)
    {
        var mediator = DistributedPubSub.Get(system).Mediator;
        board.LocalMember = member;
        board.DistrictPublished = view => mediator.Tell(new Publish(BoardReplication.Topic, new BoardReplication.DistrictPublished(member, view)));
        board.CapacityPublished = () => mediator.Tell(new Publish(BoardReplication.Topic, BoardReplication.CapacityOf(member, board)));
        system.ActorOf(Props.Create(typeof(BoardReplicatorActor), board, member), "board-replicator");
    }

    /// <summary>What only a clustered controller has: its member's cluster and the watcher's singleton manager.</summary>
    private sealed record ClusterParts(Cluster Cluster, IActorRef WatcherManager)
    {
        /// <summary>Why this member cannot drive districts yet (not Up in the cluster), or null.</summary>
        public string? NotReady()
        {
            var self = Cluster.SelfMember;
            return self.Status == MemberStatus.Up
                ? null
                : $"this member ({Cluster.SelfAddress}) is {self.Status} in the cluster, not Up";
        }
    }
}
