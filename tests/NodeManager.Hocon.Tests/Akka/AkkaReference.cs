using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Client;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Akka.Coordination;
using Akka.Discovery;
using Akka.DistributedData;
using Akka.Persistence.Sql;
using Akka.Remote;
using Akka.Streams;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;
using AkkaPersistence = Akka.Persistence.Persistence;

namespace NodeManager.Hocon.Tests.Akka;

/// <summary>
/// Akka's reference configuration for every module the product runs, assembled as the host does for the akka.*
/// validator. Akka.Remote and Akka.Cluster keep their config factories internal, so their embedded reference files
/// are read by resource name.
/// </summary>
internal static class AkkaReference
{
    private static readonly Lazy<AkkaConfig> Lazy = new(() => AkkaConfigurationFactory.Default()
        .WithFallback(AkkaConfigurationFactory.FromResource<RemoteSettings>("Akka.Remote.Configuration.Remote.conf"))
        .WithFallback(AkkaConfigurationFactory.FromResource<ClusterSettings>("Akka.Cluster.Configuration.Cluster.conf"))
        .WithFallback(ClusterSingleton.DefaultConfig())
        .WithFallback(DistributedPubSub.DefaultConfig())
        .WithFallback(ClusterClientReceptionist.DefaultConfig())
        .WithFallback(ClusterSharding.DefaultConfig())
        .WithFallback(DistributedData.DefaultConfig())
        .WithFallback(AkkaPersistence.DefaultConfig())
        .WithFallback(SqlPersistence.DefaultConfiguration)
        .WithFallback(LeaseProvider.DefaultConfig())
        .WithFallback(DiscoveryProvider.DefaultConfiguration())
        .WithFallback(ActorMaterializer.DefaultConfig()));

    public static AkkaConfig Assembled => Lazy.Value;
}
