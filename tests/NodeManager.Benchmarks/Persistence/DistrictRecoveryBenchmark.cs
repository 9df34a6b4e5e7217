using Akka.Actor;
using BenchmarkDotNet.Attributes;
using NodeManager.Benchmarks.Core;
using NodeManager.Benchmarks.Core.Nodes;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>
/// Start to first answered command of the product's <see cref="DistrictSupervisorActor"/> with 10,000 journaled events
/// (2,000 nodes launched, scaled up, drained and finished, five events each): a full replay (baseline) against a
/// snapshot at 9,500 plus the 500 events after it (a district snapshots every 200 events, so this is more than the
/// worst case). Target: ≤ 100 ms from the snapshot.
/// </summary>
[Config(typeof(ShortJobs.Database))]
public class DistrictRecoveryBenchmark : StoreBenchmark
{
    private const int Events = 10_000;
    private const int SnapshotAt = 9_500;
    private const int EventsPerNode = 5;
    private const string FullReplay = "full";
    private const string FromSnapshot = "snap";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private ActorSystem _system = null!;
    private ControllerServices _services = null!;
    private IActorRef? _district;

    protected override async Task SetupAsync()
    {
        _system = BenchmarkStores.StartSystem(Settings, "recovery");
        var cloud = new ForgetfulCloud();
        _services = BenchmarkController.Services(cloud, new BenchmarkController.FixedCapacity(new CapacityDocument([], [])),
            new ForgetfulPlatform(ready: true));
        await WriteHistoryAsync(FullReplay, snapshotAt: null);
        await WriteHistoryAsync(FromSnapshot, SnapshotAt);
    }

    protected override async Task CleanupAsync() => await _system.Terminate();

    [IterationCleanup]
    public void StopDistrict()
    {
        if (_district is { } district && !district.GracefulStop(Timeout).GetAwaiter().GetResult())
            throw new TimeoutException("the recovered district did not stop");
        _district = null;
    }

    [Benchmark(Baseline = true)]
    public Task<DistrictState> FullReplayOf10000Events() => RecoverAsync(FullReplay);

    [Benchmark]
    public Task<DistrictState> SnapshotAt9500Plus500Events() => RecoverAsync(FromSnapshot);

    /// <summary>
    /// A persistent actor stashes commands until it has recovered, so the answer to a drain request for a host it does
    /// not have marks the end of recovery; the state it published then must be all 10,000 events folded.
    /// </summary>
    private async Task<DistrictState> RecoverAsync(string name)
    {
        _services.Board.Districts.TryRemove(name, out _);
        _district = _system.ActorOf(Props.Create(typeof(DistrictSupervisorActor), name, _services));
        await _district.Ask<NodeLifecycle.DrainRefused>(new RequestDrain("nobody.example.com", "recovered?"), Timeout);
        var state = _services.Board.Districts[name].State;
        return state.Finished == Events / EventsPerNode && state.NextSeq == Events / EventsPerNode + 1
            ? state
            : throw new InvalidOperationException($"{name} recovered {state.Finished} finished nodes, expected {Events / EventsPerNode}");
    }

    private async Task WriteHistoryAsync(string name, int? snapshotAt)
    {
        var writer = _system.ActorOf(JournalWriterActor.PropsFor(DistrictSupervisorActor.PersistenceIdFor(name)));
        var history = History(name);
        var state = new DistrictState(name);
        for (var start = 0; start < history.Count; start += 100)
        {
            var chunk = history.Skip(start).Take(100).ToList();
            await writer.Ask<long>(new JournalWriterActor.Write(chunk), Timeout);
            state = chunk.Aggregate(state, (s, e) => s.Apply(e));
            if (start + chunk.Count == snapshotAt)
                await writer.Ask<long>(new JournalWriterActor.TakeSnapshot(state), Timeout);
        }

        if (!await writer.GracefulStop(Timeout))
            throw new TimeoutException($"the writer of {name} did not stop");
    }

    /// <summary>A district's life in events: each node launched, scaled up for, drained and finished.</summary>
    private static List<IEvent> History(string name)
    {
        var events = new List<IEvent>(Events);
        for (var node = 1; events.Count < Events; node++)
        {
            var at = T0.AddMinutes(node);
            var index = 1 + node % 10;
            var host = $"{name}-{index}.paas.example.com";
            events.Add(new NodeLaunchRequested($"{name}-{node}", index, $"{name}_{index}", host, at));
            events.Add(new ScaledUp(1, "active gears 91% > high-water 85%", at));
            events.Add(new DecisionRecorded("scale-down", $"active gears {20 + node % 7}% < low-water 30% for 10m", at.AddMinutes(30)));
            events.Add(new ScaleDownStarted(host, "active gears below low-water", at.AddMinutes(30)));
            events.Add(new NodeFinished($"{name}-{node}", NodePhase.Reclaimed, at.AddMinutes(45)));
        }

        return events;
    }
}
