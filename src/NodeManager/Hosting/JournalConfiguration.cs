using Akka.Hosting;
using NodeManager.Cluster.Lease;
using NodeManager.Hocon;
using NodeManager.Persistence;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace NodeManager.Hosting;

/// <summary>
/// Where the controller's persistent actors keep their journal and snapshots: Akka.Persistence.Sql on the store
/// <c>node-manager.persistence</c> names (SQLite by default), with the product's serializer for their events. On
/// PostgreSQL, the store members share, each district's shard also takes the PostgreSQL lease by default, so that a
/// district is fenced wherever it runs; the operator's own <c>akka.cluster.sharding.use-lease</c> comes first.
/// </summary>
internal static class JournalConfiguration
{
    public static AkkaConfigurationBuilder Configure(AkkaConfigurationBuilder akka, Config root)
    {
        var journal = JournalSettings.Create(root);
        if (journal.Journal.Backend == JournalBackend.PostgreSql)
        {
            akka.AddHocon(AkkaConfigurationFactory.ParseString($"akka.cluster.sharding.use-lease = \"{PostgreSqlLease.ConfigPath}\""),
                HoconAddMode.Prepend);
        }

        return akka.AddHocon(journal.ToAkkaConfig(), HoconAddMode.Append).AddSetup(journal.ToAkkaSetup());
    }
}
