using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Persistence.Sql;
using NodeManager.Persistence.Tests.Actors;
using static NodeManager.Persistence.Tests.Actors.ListActor;

namespace NodeManager.Persistence.Tests.Sql;

/// <summary>The wiring a host uses (settings → AddPersistence) with a real SQLite file, across two actor systems.</summary>
public sealed class SqlitePersistentActorSpec : TestKit.TestKit
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-persistence-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Persistent_actor_must_recover_from_sqlite_in_a_new_actor_system()
    {
        var settings = PersistenceSettings.Default with
        {
            Journal = PersistenceSettings.Default.Journal with { ConnectionString = $"Data Source={_folder}/nm.db" },
            SnapshotStore = PersistenceSettings.Default.SnapshotStore with { ConnectionString = $"Data Source={_folder}/nm.db" },
            SnapshotEvery = 2,
        };
        var first = Sys.AddPersistence(settings, Registry());
        var list = Sys.ActorOf(Props.Create(() => new ListActor("sqlite-list", TestActor, 0, null)));
        ExpectMsg<Recovered>();
        list.Tell(new AddAll(["a", "b", "c"]), TestActor);
        ReceiveN(3);
        await AwaitConditionAsync(() => HasSnapshot(first));
        Assert.Throws<InvalidOperationException>(() => Sys.AddPersistence(settings, Registry()));

        await using var second = ActorSystem.Create("second");
        second.AddPersistence(settings, Registry());
        second.ActorOf(Props.Create(() => new ListActor("sqlite-list", TestActor, 0, null)));

        var recovered = ExpectMsg<Recovered>();
        Assert.Equal(["a", "b", "c"], recovered.Items);
        Assert.Equal(2, recovered.SnapshotSequenceNr);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static bool HasSnapshot(PersistenceExtension persistence) =>
        persistence.SnapshotStore.LoadAsync("sqlite-list", SnapshotSelectionCriteria.Latest).GetAwaiter().GetResult() is not null;
}
