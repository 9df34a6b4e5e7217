using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary><c>node-manager.persistence.snapshot-every</c> (and its per-actor override) decides when a district snapshots.</summary>
public sealed class DistrictSnapshotSpec : ControllerSpecBase
{
    private readonly SnapshotRecorder _saves = new();
    private readonly SnapshotRecorder _loads = new();

    public DistrictSnapshotSpec()
    {
        var store = TestSnapshotStore.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null));
        store.OnSave.SetInterceptorAsync(_saves).GetAwaiter().GetResult();
        store.OnLoad.SetInterceptorAsync(_loads).GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(500, 4)]
    public void District_must_snapshot_every_configured_number_of_events(int every, int? byActor)
    {
        Snapshots = new SnapshotSettings(every, byActor is { } n
            ? new Dictionary<string, int> { [nameof(DistrictSupervisorActor)] = n }
            : new Dictionary<string, int>());
        var interval = byActor ?? every;
        StartController(minNodes: 2);

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2 && _saves.Of("district-d1").Count >= 2, "two Active nodes and two snapshots");

        var saved = _saves.Of("district-d1");
        Assert.All(saved, nr => Assert.Equal(0, nr % interval));
        Assert.Equal(saved.Count, saved.Distinct().Count());
        Assert.DoesNotContain(_saves.All.Keys, id => id.StartsWith("node-", StringComparison.Ordinal));
    }

    [Fact]
    public void District_must_take_no_snapshot_when_snapshot_every_is_zero()
    {
        Snapshots = new SnapshotSettings(0, new Dictionary<string, int>());
        StartController(minNodes: 2);

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2, "two Active nodes");
        Assert.True(Host!.Board.Districts["d1"].State.NextSeq > 2);

        Assert.Empty(_saves.All);
    }

    [Fact]
    public void District_must_keep_only_its_latest_snapshot_and_recover_from_it_where_it_stood()
    {
        Snapshots = new SnapshotSettings(3, new Dictionary<string, int>());
        StartController(minNodes: 2);
        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2 && _saves.Of("district-d1").Count >= 2, "two Active nodes and two snapshots");
        var latest = _saves.Of("district-d1").Max();

        // Each snapshot replaces the ones before it: the store holds the latest and nothing older.
        Assert.Equal(latest, LoadSnapshot(SnapshotSelectionCriteria.Latest)?.Metadata.SequenceNr);
        Assert.Null(LoadSnapshot(new SnapshotSelectionCriteria(latest - 1)));

        // Started again, the district recovers from that snapshot and the events after it: the same two nodes, no launch.
        var before = Host!.Board.Districts["d1"].State;
        var recoveries = _loads.Of("district-d1").Count;
        var stopped = Time.GetUtcNow();
        Sys.ActorSelection("/user/districts/district-d1/district").Tell(PoisonPill.Instance);
        // Bounded in virtual time, so a district that comes back wrong fails here rather than after the real-time patience.
        AdvanceUntil(() => (_loads.Of("district-d1").Count > recoveries && Host.IsReady && NodesIn(NodePhase.Active) == 2)
                || Time.GetUtcNow() - stopped > TimeSpan.FromMinutes(5),
            () => $"the district recovered with its two nodes Active (reasons: {string.Join("; ", Host.NotReadyReasons)})");
        Assert.True(Host.IsReady, string.Join("; ", Host.NotReadyReasons));
        Assert.Equal(recoveries + 1, _loads.Of("district-d1").Count);

        var after = Host.Board.Districts["d1"].State;
        Assert.Equal(before.Nodes.Keys.Order(), after.Nodes.Keys.Order());
        Assert.Equal(before.NextSeq, after.NextSeq);
        Assert.Equal(before.Profile, after.Profile);
        Assert.Equal(2, World.Cloud.Servers.Count);
    }

    private SelectedSnapshot? LoadSnapshot(SnapshotSelectionCriteria criteria)
    {
        Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null)
            .Tell(new Akka.Persistence.LoadSnapshot("district-d1", criteria, long.MaxValue), TestActor);
        return ExpectMsg<LoadSnapshotResult>(TimeSpan.FromSeconds(30)).Snapshot;
    }

    /// <summary>Records the highest sequence number of every snapshot saved or loaded, per persistence id, and lets it through.</summary>
    private sealed class SnapshotRecorder : ISnapshotStoreInterceptor
    {
        public ConcurrentDictionary<string, ConcurrentQueue<long>> All { get; } = new();

        public IReadOnlyList<long> Of(string persistenceId) => All.TryGetValue(persistenceId, out var saved) ? [.. saved] : [];

        public Task InterceptAsync(string persistenceId, SnapshotSelectionCriteria criteria)
        {
            All.GetOrAdd(persistenceId, _ => new ConcurrentQueue<long>()).Enqueue(criteria.MaxSequenceNr);
            return Task.CompletedTask;
        }
    }
}
