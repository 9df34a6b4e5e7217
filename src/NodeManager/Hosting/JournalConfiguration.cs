using Akka.Hosting;
using NodeManager.Hocon;
using NodeManager.Persistence;

namespace NodeManager.Hosting;

/// <summary>
/// Where the controller's persistent actors keep their journal and snapshots: Akka.Persistence.Sql on the store
/// <c>node-manager.persistence</c> names (SQLite by default), with the product's serializer for their events.
/// </summary>
internal static class JournalConfiguration
{
    public static AkkaConfigurationBuilder Configure(AkkaConfigurationBuilder akka, Config root) =>
        akka.AddHocon(JournalSettings.Create(root).ToAkkaConfig(), HoconAddMode.Append);
}
