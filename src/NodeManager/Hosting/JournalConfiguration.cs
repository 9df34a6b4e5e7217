using Akka.Hosting;
using Akka.Persistence.Hosting;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// Where the controller's persistent actors keep their journal and snapshots: Akka.Persistence's in-memory plugins, so
/// the controller's state lasts as long as the process.
/// </summary>
internal static class JournalConfiguration
{
    public static AkkaConfigurationBuilder Configure(AkkaConfigurationBuilder akka, Config root) =>
        akka.WithInMemoryJournal().WithInMemorySnapshotStore();
}
