using System.Data.Common;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;
using NodeManager.Persistence;
using Xunit.Abstractions;
using static NodeManager.Tests.Persistence.DistrictJournalActor;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace NodeManager.Tests.Persistence;

/// <summary>
/// The contract every store meets through Akka.Persistence.Sql as the product configures it (JournalSettings →
/// ToAkkaConfig), run against SQLite and PostgreSQL by subclasses that say where their store lives. A "process" is an
/// actor system of its own on the same store, terminated before the next one starts unless the test says otherwise.
/// </summary>
public abstract class JournalContractSpec : AkkaTestKit, IAsyncLifetime
{
    /// <summary>
    /// The deadlines the spec's own actor systems and probe give the store: Akka's recovery timeout (which also bounds
    /// loading the snapshot, and so the snapshot store's start-up, which stashes the load until its tables are made),
    /// the journal's and snapshot store's circuit-breaker call timeouts, and the start-up probe's timeout. Akka's
    /// defaults (30 s, 10 s, 20 s) and the probe's (10 s) are for a service; four suites at once on two cores kept a
    /// test process's first recovery on PostgreSQL (the one that warms up Npgsql, linq2db and the plugins) past 30 s.
    /// </summary>
    protected static readonly TimeSpan StoreDeadline = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a wait on the real journal may take: a guard against a hang, not a timing target. Longer than
    /// <see cref="StoreDeadline"/>, so that a store that is too slow fails with Akka's or the probe's own account of
    /// which step ran out of time, and a store that is merely slow makes the test slower, never red.
    /// </summary>
    protected static readonly TimeSpan Timeout = StoreDeadline + TimeSpan.FromMinutes(1);

    /// <summary>What each "process" lays over the product's Akka configuration: <see cref="StoreDeadline"/> for Akka's waits.</summary>
    private static readonly string ProcessConfig = $$"""
        akka.loglevel = WARNING
        akka.persistence.journal.sql {
          recovery-event-timeout = {{(int)StoreDeadline.TotalSeconds}}s
          circuit-breaker.call-timeout = {{(int)StoreDeadline.TotalSeconds}}s
        }
        akka.persistence.snapshot-store.sql.circuit-breaker.call-timeout = {{(int)StoreDeadline.TotalSeconds}}s
        """;

    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly List<ActorSystem> _processes = [];

    protected JournalContractSpec(JournalSettings settings, ITestOutputHelper output)
        : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING"), "journal-spec", output)
    {
        Settings = settings;
    }

    protected JournalSettings Settings { get; }

    protected string Pid { get; } = "district-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection to the store, for reading and tampering with its tables behind Akka's back.</summary>
    protected abstract DbConnection Connect();

    /// <summary>The table's name as SQL must write it (schema-qualified on PostgreSQL).</summary>
    protected abstract string Table(string name);

    public virtual async Task InitializeAsync() => await JournalProbe.CheckAsync(Settings, CancellationToken.None, StoreDeadline).WaitAsync(Timeout);

    public virtual async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.Terminate().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Persistent_actor_must_recover_exactly_its_events_in_a_new_actor_system()
    {
        var events = DistrictEvents().Prepend(NodeEvent()).ToList();
        var first = StartProcess();
        var reports = CreateTestProbe();
        var actor = await StartAsync(first, Pid, reports);
        Assert.Equal(6, (await actor.Ask<Persisted>(new PersistEvents(events), Timeout)).LastSequenceNr);
        await StopAsync(first);

        var recovered = await StartAndRecoverAsync(StartProcess(), Pid, reports);

        Assert.Equal(events, recovered.Events);
        Assert.Null(recovered.SnapshotSequenceNr);
        Assert.Equal(6, recovered.LastSequenceNr);
        AssertSameState(Folded(events), recovered.State);
    }

    [Fact]
    public async Task Probe_must_accept_the_tables_the_journal_and_snapshot_store_created_themselves()
    {
        // What a second start on the same store meets: tables Akka.Persistence.Sql made, events and a snapshot in them.
        var first = StartProcess();
        var actor = await StartAsync(first, Pid, CreateTestProbe());
        await actor.Ask<Persisted>(new PersistEvents(DistrictEvents().ToList()), Timeout);
        await actor.Ask<SnapshotSaved>(TakeSnapshot.Instance, Timeout);
        await StopAsync(first);

        await JournalProbe.CheckAsync(Settings, CancellationToken.None, StoreDeadline).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Persistent_actor_must_recover_from_the_latest_snapshot_and_the_events_after_it()
    {
        var events = DistrictEvents();
        var first = StartProcess();
        var reports = CreateTestProbe();
        var actor = await StartAsync(first, Pid, reports);
        await actor.Ask<Persisted>(new PersistEvents(events.Take(2).ToList()), Timeout);
        Assert.Equal(2, (await actor.Ask<SnapshotSaved>(TakeSnapshot.Instance, Timeout)).SequenceNr);
        await actor.Ask<Persisted>(new PersistEvents(events.Skip(2).Take(1).ToList()), Timeout);
        Assert.Equal(3, (await actor.Ask<SnapshotSaved>(TakeSnapshot.Instance, Timeout)).SequenceNr);
        await actor.Ask<Persisted>(new PersistEvents(events.Skip(3).ToList()), Timeout);
        await StopAsync(first);

        var recovered = await StartAndRecoverAsync(StartProcess(), Pid, reports);

        Assert.Equal(3, recovered.SnapshotSequenceNr);
        Assert.Equal(events.Skip(3), recovered.Events);
        Assert.Equal(5, recovered.LastSequenceNr);
        AssertSameState(Folded(events), recovered.State);
    }

    [Fact]
    public async Task Events_and_snapshots_must_be_stored_as_json_under_the_product_manifest_and_serializer()
    {
        var process = StartProcess();
        var actor = await StartAsync(process, Pid, CreateTestProbe());
        await actor.Ask<Persisted>(new PersistEvents([NodeEvent(), DistrictEvents()[0]]), Timeout);
        await actor.Ask<SnapshotSaved>(TakeSnapshot.Instance, Timeout);

        var rows = await QueryAsync(
            $"SELECT sequence_number, manifest, identifier, message FROM {Table(Settings.Journal.TableName)} " +
            $"WHERE persistence_id = '{Pid}' ORDER BY sequence_number");
        var snapshot = Assert.Single(await QueryAsync(
            $"SELECT manifest, serializer_id, snapshot FROM {Table(Settings.SnapshotStore.TableName)} WHERE persistence_id = '{Pid}'"));

        Assert.Equal(["node.requested.v1", "district.started.v1"], rows.Select(r => (string)r[1]));
        Assert.All(rows, r => Assert.Equal(ProductSerializer.SerializerIdentifier, Convert.ToInt32(r[2], null)));
        using (var json = JsonDocument.Parse((byte[])rows[0][3]))
            Assert.Equal("d1-7", json.RootElement.GetProperty("launchId").GetString());
        Assert.Equal("district.state-snapshot.v1", (string)snapshot[0]);
        Assert.Equal(ProductSerializer.SerializerIdentifier, Convert.ToInt32(snapshot[1], null));
        using (var json = JsonDocument.Parse((byte[])snapshot[2]))
            Assert.Equal("small", json.RootElement.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task Query_journal_must_read_the_events_of_a_persistence_id_back()
    {
        var events = DistrictEvents();
        var process = StartProcess();
        var actor = await StartAsync(process, Pid, CreateTestProbe());
        await actor.Ask<Persisted>(new PersistEvents(events), Timeout);

        var journal = PersistenceQuery.Get(process).ReadJournalFor<SqlReadJournal>(SqlPersistence.QueryConfigPath);
        var envelopes = await journal.CurrentEventsByPersistenceId(Pid, 2, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), process.Materializer())
            .WaitAsync(Timeout);

        Assert.Equal([2L, 3, 4, 5], envelopes.Select(e => e.SequenceNr));
        Assert.Equal(events.Skip(1), envelopes.Select(e => e.Event));
    }

    [Fact]
    public async Task Unknown_manifest_must_stop_recovery_naming_persistence_id_and_sequence_number()
    {
        var first = StartProcess();
        var reports = CreateTestProbe();
        var actor = await StartAsync(first, Pid, reports);
        await actor.Ask<Persisted>(new PersistEvents(DistrictEvents().Take(3).ToList()), Timeout);
        await StopAsync(first);
        await ExecuteAsync(
            $"UPDATE {Table(Settings.Journal.TableName)} SET manifest = 'district.teleported.v9' " +
            $"WHERE persistence_id = '{Pid}' AND sequence_number = 2");

        var second = StartProcess();
        var watcher = CreateTestProbe(second);
        var restarted = second.ActorOf(DistrictJournalActor.Create(Pid, reports.Ref));
        watcher.Watch(restarted);

        var failed = await reports.ExpectMsgAsync<RecoveryFailed>(Timeout);
        await watcher.ExpectTerminatedAsync(restarted, Timeout);
        Assert.Contains($"persistence id '{Pid}'", failed.Message, StringComparison.Ordinal);
        Assert.Contains("after sequence number 1:", failed.Message, StringComparison.Ordinal);
        Assert.Contains("'district.teleported.v9'", failed.Message, StringComparison.Ordinal);
        Assert.Contains(Chain(failed.Cause), e => e is UnknownManifestException { Manifest: "district.teleported.v9" });
        // What Akka hands OnRecoveryFailure knows the manifest only: RecoveryFailure.Describe adds whose event it was.
        Assert.DoesNotContain(Pid, failed.Cause.Message, StringComparison.Ordinal);
        await reports.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Deleted_events_must_stay_hidden_and_their_sequence_numbers_taken()
    {
        var events = DistrictEvents();
        var reports = CreateTestProbe();
        var first = StartProcess();
        var actor = await StartAsync(first, Pid, reports);
        await actor.Ask<Persisted>(new PersistEvents(events), Timeout);
        Assert.Equal(3, (await actor.Ask<DeletedTo>(new DeleteEvents(3), Timeout)).ToSequenceNr);
        await StopAsync(first);

        var second = StartProcess();
        var afterPartial = await StartAndRecoverAsync(second, Pid, reports);
        Assert.Equal(events.Skip(3), afterPartial.Events);
        Assert.Equal(5, afterPartial.LastSequenceNr);
        var restarted = await StartAsync(second, Pid + "-all", reports);
        await restarted.Ask<Persisted>(new PersistEvents(events), Timeout);
        await restarted.Ask<DeletedTo>(new DeleteEvents(long.MaxValue), Timeout);
        await StopAsync(second);

        var (again, afterAll) = await StartRecoveredAsync(StartProcess(), Pid + "-all", reports);
        Assert.Empty(afterAll.Events);
        Assert.Equal(5, afterAll.LastSequenceNr);
        Assert.Equal(6, (await again.Ask<Persisted>(new PersistEvents([events[0]]), Timeout)).LastSequenceNr);
    }

    [Fact]
    public async Task A_second_writer_of_a_persistence_id_must_be_refused_and_the_first_writers_event_kept()
    {
        var reports = CreateTestProbe();
        var a = await StartAsync(StartProcess(), Pid, reports);
        var b = await StartAsync(StartProcess(), Pid, reports);
        var first = new DistrictSupervisor.ScaledUp(1, "first writer", T0);
        var second = new DistrictSupervisor.ScaledUp(2, "second writer", T0);

        Assert.Equal(1, (await a.Ask<Persisted>(new PersistEvents([first]), Timeout)).LastSequenceNr);
        b.Tell(new PersistEvents([second]));

        var refused = await reports.ExpectMsgAsync<PersistFailed>(Timeout);
        Assert.Equal(1, refused.SequenceNr);
        Assert.IsAssignableFrom<DbException>(refused.Cause);
        var recovered = await StartAndRecoverAsync(StartProcess(), Pid, reports);
        Assert.Equal([first], recovered.Events);
    }

    [Fact]
    public async Task Many_actors_persisting_at_once_must_each_recover_their_own_events()
    {
        var pids = Enumerable.Range(0, 20).Select(i => $"{Pid}-{i}").ToList();
        var reports = CreateTestProbe();
        var first = StartProcess();
        var actors = new List<IActorRef>();
        foreach (var pid in pids)
            actors.Add(await StartAsync(first, pid, reports));

        var written = await Task.WhenAll(actors.Select((actor, i) => actor.Ask<Persisted>(
            new PersistEvents([new DistrictSupervisor.ScaledUp(i, "a", T0), new DistrictSupervisor.ScaledUp(i, "b", T0)]), Timeout)));
        await StopAsync(first);
        var second = StartProcess();
        var recovered = new List<Recovered>();
        foreach (var pid in pids)
            recovered.Add(await StartAndRecoverAsync(second, pid, reports));

        Assert.All(written, w => Assert.Equal(2, w.LastSequenceNr));
        Assert.All(recovered.Select((r, i) => (r, i)), x =>
            Assert.Equal([new DistrictSupervisor.ScaledUp(x.i, "a", T0), new DistrictSupervisor.ScaledUp(x.i, "b", T0)], x.r.Events));
    }

    [Fact]
    public void Processes_must_give_the_store_the_spec_deadline_where_akka_reads_its_timeouts()
    {
        // Read as Akka reads them (the configured plugin's section over the plugin fallback): a misspelt key would leave
        // Akka's defaults in place without a word.
        var config = StartProcess().Settings.Config;
        Config Plugin(string kind) =>
            config.GetConfig(config.GetString($"akka.persistence.{kind}.plugin")).WithFallback(config.GetConfig($"akka.persistence.{kind}-plugin-fallback"));

        Assert.Equal(StoreDeadline, Plugin("journal").GetTimeSpan("recovery-event-timeout", null, false));
        Assert.Equal(StoreDeadline, Plugin("journal").GetTimeSpan("circuit-breaker.call-timeout", null, false));
        Assert.Equal(StoreDeadline, Plugin("snapshot-store").GetTimeSpan("circuit-breaker.call-timeout", null, false));
    }

    /// <summary>A new "process" on the store: an actor system of its own, terminated with the test.</summary>
    protected ActorSystem StartProcess()
    {
        var config = ConfigurationFactory.ParseString(ProcessConfig).WithFallback(Settings.ToAkkaConfig());
        var system = ActorSystem.Create("journal-process-" + _processes.Count, BootstrapSetup.Create().WithConfig(config).And(Settings.ToAkkaSetup()));
        _processes.Add(system);
        return system;
    }

    protected async Task<IReadOnlyList<object[]>> QueryAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task StopAsync(ActorSystem process) => await process.Terminate().WaitAsync(Timeout);

    private static async Task<IActorRef> StartAsync(ActorSystem process, string pid, TestProbe reports) =>
        (await StartRecoveredAsync(process, pid, reports)).Actor;

    private static async Task<Recovered> StartAndRecoverAsync(ActorSystem process, string pid, TestProbe reports) =>
        (await StartRecoveredAsync(process, pid, reports)).Recovered;

    private static async Task<(IActorRef Actor, Recovered Recovered)> StartRecoveredAsync(ActorSystem process, string pid, TestProbe reports)
    {
        var actor = process.ActorOf(DistrictJournalActor.Create(pid, reports.Ref), pid);
        var recovered = await reports.ExpectMsgAsync<Recovered>(Timeout);
        Assert.Equal(pid, recovered.PersistenceId);
        return (actor, recovered);
    }

    private static NodeLifecycle.NodeRequested NodeEvent() => new("d1-7", "d1", "small", 7, "d1_7", "d1-7.example.com", T0);

    private static List<IVersionedMessage> DistrictEvents() =>
    [
        new DistrictSupervisor.DistrictStarted("small", T0),
        new DistrictSupervisor.NodeLaunchRequested("d1-1", 1, "d1_1", "d1-1.example.com", T0),
        new DistrictSupervisor.NodeLaunchRequested("d1-2", 2, "d1_2", "d1-2.example.com", T0.AddMinutes(1)),
        new DistrictSupervisor.NodeFinished("d1-1", NodePhase.Reclaimed, T0.AddMinutes(9)),
        new DistrictSupervisor.ExhaustionRaised(ExhaustionScope.Cloud, "Quota exceeded for instances", T0, T0.AddMinutes(5), 1, false, T0),
    ];

    private static DistrictState Folded(IEnumerable<IVersionedMessage> events) =>
        events.OfType<DistrictSupervisor.IEvent>().Aggregate(new DistrictState("d1"), (state, e) => state.Apply(e));

    private static void AssertSameState(DistrictState expected, DistrictState actual)
    {
        Assert.Equal(expected.Nodes.OrderBy(n => n.Key), actual.Nodes.OrderBy(n => n.Key));
        Assert.Equal(expected.FinishedNodes, actual.FinishedNodes);
        Assert.Equal(expected with { Nodes = actual.Nodes, FinishedNodes = actual.FinishedNodes }, actual);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
            }
        }
    }
}
