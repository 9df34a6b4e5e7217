using FsCheck;
using FsCheck.Fluent;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

/// <summary>The policy's invariants over random districts, nodes, settings and memory.</summary>
public sealed class ScalingPolicyProperties
{
    private static readonly Gen<NodePhase?> Phases = Gen.Frequency(
        (2, Gen.Constant<NodePhase?>(null)),
        (16, Gen.Constant<NodePhase?>(NodePhase.Active)),
        (1, Gen.Elements<NodePhase?>(NodePhase.Requested, NodePhase.Booting, NodePhase.Joining)),
        (1, Gen.Elements<NodePhase?>(NodePhase.Draining, NodePhase.Reclaiming)));

    private static Gen<NodeSnapshot> NodeGen(string name) =>
        from max in Gen.Choose(10, 100)
        from hot in Gen.Elements(true, false)
        from gears in hot ? Gen.Choose(max / 2, max) : Gen.Choose(0, max / 3)
        from responding in Gen.Frequency((19, Gen.Constant(true)), (1, Gen.Constant(false)))
        from phase in Phases
        from isProtected in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from age in Gen.Choose(1, 600)
        select Node(name, phase == NodePhase.Active || phase is null ? gears : 0, max, responding, phase, isProtected, T0.AddMinutes(-age));

    private static Gen<DistrictSnapshot> DistrictGen(string name) =>
        from profile in Gen.Elements("p1", "p2")
        from count in Gen.Choose(0, 8)
        from nodes in Gen.CollectToArray(Enumerable.Range(1, count).Select(i => NodeGen($"{name}-{i}")))
        from min in Gen.Choose(0, 3)
        from extra in Gen.Choose(0, 6)
        from capacity in Gen.Choose(0, 100)
        from allocated in Gen.Choose(0, capacity)
        from upAgo in Gen.Elements<int?>(null, 1, 5, 30)
        from downAgo in Gen.Elements<int?>(null, 1, 5, 30)
        from backoff in Gen.Elements<int?>(null, null, null, -1, 3)
        from drainRequest in Gen.Choose(0, count + 1)
        select new DistrictSnapshot(name, profile, capacity, allocated, min, min + extra, nodes.ToList())
        {
            LastScaleUpAt = upAgo is { } u ? T0.AddMinutes(-u) : null,
            LastScaleDownAt = downAgo is { } d ? T0.AddMinutes(-d) : null,
            Backoff = backoff is { } b ? new BackoffState("no valid host", T0.AddMinutes(-10), T0.AddMinutes(b), 1) : null,
            DrainRequests = drainRequest >= 1 && drainRequest <= count ? [$"{name}-{drainRequest}"] : [],
        };

    private static Gen<CapacitySnapshot> SnapshotGen =>
        from count in Gen.Choose(1, 4)
        from districts in Gen.CollectToArray(Enumerable.Range(1, count).Select(i => DistrictGen($"d{i}")))
        from remembered in Gen.Elements(0, 2, 20)
        select new CapacitySnapshot(districts.ToList(), Remember(districts, remembered));

    private static Gen<ScalingSettings> SettingsGen =>
        from perDistrict in Gen.Choose(1, 3)
        from perCloud in Gen.Choose(1, 6)
        from total in Gen.Choose(1, 30)
        from window in Gen.Elements(0, 0, 10)
        from selection in Gen.Elements(DrainSelection.FewestGears, DrainSelection.Oldest, DrainSelection.Newest)
        select ScalingSettings.Default with
        {
            MaxConcurrentLaunches = perDistrict,
            MaxConcurrentLaunchesPerCloud = perCloud,
            MaxNodesTotal = total,
            ScaleUpSustainedFor = TimeSpan.FromMinutes(window),
            ScaleDownUnneededTime = TimeSpan.FromMinutes(window),
            DrainSelection = selection,
        };

    private static PolicyMemory Remember(IEnumerable<DistrictSnapshot> districts, int minutesAgo) => minutesAgo == 0
        ? PolicyMemory.Empty
        : new PolicyMemory(
            districts.Select(d => d.Profile).Distinct().ToDictionary(p => p, _ => T0.AddMinutes(-minutesAgo)).ToImmutableDictionaryOrdinal(),
            districts.ToDictionary(d => d.Name, _ => T0.AddMinutes(-minutesAgo)).ToImmutableDictionaryOrdinal());

    private static void Check(Func<CapacitySnapshot, ScalingSettings, PolicyOutcome, bool> property) =>
        Prop.ForAll(SnapshotGen.ToArbitrary(), SettingsGen.ToArbitrary(),
                (snapshot, settings) => property(snapshot, settings, ScalingPolicy.Decide(snapshot, settings, T0)))
            .QuickCheckThrowOnFailure();

    private static int Counted(DistrictSnapshot d) => d.Nodes.Count(n => n.Counted);

    [Fact]
    public void ScalingPolicy_never_launches_beyond_max_nodes_per_district_or_in_total()
    {
        Check((snapshot, settings, outcome) =>
        {
            var ups = outcome.Decisions.OfType<ScaleUp>().ToList();
            var total = snapshot.Districts.Sum(Counted) + ups.Sum(u => u.Count);
            return ups.All(u => Counted(snapshot.Districts.Single(d => d.Name == u.District)) + u.Count
                       <= snapshot.Districts.Single(d => d.Name == u.District).MaxNodes)
                   && (ups.Count == 0 || total <= settings.MaxNodesTotal);
        });
    }

    [Fact]
    public void ScalingPolicy_never_drains_below_min_nodes()
    {
        Check((snapshot, _, outcome) => outcome.Decisions.OfType<ScaleDown>()
            .All(down => Counted(snapshot.Districts.Single(d => d.Name == down.District)) - 1
                         >= snapshot.Districts.Single(d => d.Name == down.District).MinNodes));
    }

    [Fact]
    public void ScalingPolicy_never_drains_a_protected_unmanaged_or_inactive_node()
    {
        Check((snapshot, _, outcome) => outcome.Decisions.OfType<ScaleDown>().All(down =>
        {
            var node = snapshot.Districts.Single(d => d.Name == down.District).Nodes.Single(n => n.Name == down.Node);
            return !node.ScaleInProtected && node.Phase == NodePhase.Active;
        }));
    }

    [Fact]
    public void ScalingPolicy_never_launches_beyond_the_concurrency_caps()
    {
        Check((snapshot, settings, outcome) =>
        {
            var ups = outcome.Decisions.OfType<ScaleUp>().ToList();
            var inFlight = snapshot.Districts.Sum(d => d.Nodes.Count(n => n.Launching));
            return ups.All(u => u.Count >= 1
                                && snapshot.Districts.Single(d => d.Name == u.District).Nodes.Count(n => n.Launching) + u.Count
                                <= settings.MaxConcurrentLaunches)
                   && (ups.Count == 0 || inFlight + ups.Sum(u => u.Count) <= settings.MaxConcurrentLaunchesPerCloud);
        });
    }

    [Fact]
    public void ScalingPolicy_gives_every_district_exactly_one_decision_with_a_reason()
    {
        Check((snapshot, _, outcome) =>
            outcome.Decisions.Select(d => d.District).SequenceEqual(snapshot.Districts.Select(d => d.Name))
            && outcome.Decisions.All(d => !string.IsNullOrWhiteSpace(d.Reason)));
    }

    [Fact]
    public void ScalingPolicy_is_stable_under_unchanged_input()
    {
        Check((snapshot, settings, outcome) =>
        {
            var again = ScalingPolicy.Decide(snapshot, settings, T0);
            var withMemory = ScalingPolicy.Decide(snapshot with { Memory = outcome.Memory }, settings, T0);
            return again.Decisions.SequenceEqual(outcome.Decisions)
                   && withMemory.Decisions.SequenceEqual(outcome.Decisions)
                   && withMemory.Conditions.SequenceEqual(outcome.Conditions);
        });
    }

    [Fact]
    public void ScalingPolicy_never_launches_into_a_backed_off_or_unresponsive_district()
    {
        Check((snapshot, _, outcome) => outcome.Decisions.OfType<ScaleUp>().All(up =>
        {
            var d = snapshot.Districts.Single(x => x.Name == up.District);
            return (d.Backoff is null || !d.Backoff.IsActive(T0)) && d.Nodes.All(n => !n.Serving || n.Responding);
        }));
    }
}

internal static class DictionaryExtensions
{
    public static System.Collections.Immutable.ImmutableDictionary<string, DateTimeOffset> ToImmutableDictionaryOrdinal(
        this Dictionary<string, DateTimeOffset> source) =>
        System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, source);
}
