using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Akka.Coordination;
using Akka.DistributedData;
using Akka.Persistence.Sql;
using Akka.Streams;
using NodeManager.Cluster.Lease;
using NodeManager.Hocon;
using NodeManager.Hocon.Akka;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;
using AkkaPersistence = Akka.Persistence.Persistence;

namespace NodeManager.Hosting;

/// <summary>
/// The actor system's HOCON: the <c>akka</c> section of the product's resolved configuration (reference.conf's defaults
/// under the operator's files), converted into Akka's own configuration tree without Akka's parser; and the check of the
/// operator's <c>akka.*</c> keys against the reference configuration of every Akka module the product runs.
/// </summary>
internal static class AkkaConfiguration
{
    private static readonly Lazy<AkkaConfig> Reference = new(() => AkkaConfigurationFactory.Default()
        .WithFallback(AkkaPersistence.DefaultConfig())
        .WithFallback(SqlPersistence.DefaultConfiguration)
        .WithFallback(ActorMaterializer.DefaultConfig())
        .WithFallback(AkkaConfigurationFactory.FromResource<Akka.Remote.RemoteSettings>("Akka.Remote.Configuration.Remote.conf"))
        .WithFallback(AkkaConfigurationFactory.FromResource<Akka.Cluster.Cluster>("Akka.Cluster.Configuration.Cluster.conf"))
        .WithFallback(ClusterSharding.DefaultConfig())
        .WithFallback(ClusterSingleton.DefaultConfig())
        .WithFallback(ClusterSingletonProxy.DefaultConfig())
        .WithFallback(DistributedPubSub.DefaultConfig())
        .WithFallback(DistributedData.DefaultConfig())
        .WithFallback(LeaseProvider.DefaultConfig())
        .WithFallback(PostgreSqlLease.DefaultConfiguration));

    public static AkkaConfig FromProductConfig(Config root) => AkkaConfigConverter.AkkaSection(root);

    /// <summary>Unknown <c>akka.*</c> keys (with a suggestion) and values of the wrong kind, each naming file:line:col.</summary>
    public static IEnumerable<ConfigException> ValidateKeys(Config written, Config effective) =>
        AkkaReferenceValidator.Validate(written, effective, Reference.Value);
}
