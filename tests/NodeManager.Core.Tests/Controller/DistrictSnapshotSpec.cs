using System.Collections.Concurrent;
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

    public DistrictSnapshotSpec()
    {
        var store = TestSnapshotStore.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null));
        store.OnSave.SetInterceptorAsync(_saves).GetAwaiter().GetResult();
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

    /// <summary>Records the sequence number of every snapshot saved, per persistence id, and lets it through.</summary>
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
