using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodeManager.Core.Capacity;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Scaling;

/// <summary>
/// One full capacity evaluation as the watcher runs it every interval: merge the capacity document with the
/// districts' published views into a snapshot, then <see cref="ScalingPolicy.Decide"/>. 100 nodes per district, every
/// node managed; usage spread so that districts scale up, down and hold. Target: ≤ 100 ms at 1,000 districts.
/// Baseline: 100 districts.
/// </summary>
[Config(typeof(ShortJobs.Controller))]
[MemoryDiagnoser]
public class CapacityEvaluationBenchmark
{
    private const int NodesPerDistrict = 100;
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private World _small = null!;
    private World _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = World.Of(100);
        _large = World.Of(1_000);
    }

    [Benchmark(Baseline = true)]
    public PolicyOutcome Districts100() => _small.Evaluate();

    [Benchmark]
    public PolicyOutcome Districts1000() => _large.Evaluate();

    private sealed record World(CapacityDocument Document, Dictionary<string, DistrictView> Views, DistrictsSettings Settings)
    {
        public PolicyOutcome Evaluate()
        {
            var snapshot = CapacitySnapshots.Build(Document, Views, Settings, PolicyMemory.Empty, null);
            return ScalingPolicy.Decide(snapshot, ScalingSettings.Default with { ScaleUpSustainedFor = TimeSpan.Zero, MaxNodesTotal = 1_000_000 }, Now);
        }

        public static World Of(int districts)
        {
            var docDistricts = new List<DistrictCapacity>();
            var nodes = new List<NodeCapacity>();
            var views = new Dictionary<string, DistrictView>(StringComparer.Ordinal);
            for (var d = 0; d < districts; d++)
            {
                var name = $"district-{d}";
                var profile = $"profile-{d % 10}";
                docDistricts.Add(new DistrictCapacity(name, profile, 6000, 100 + d));
                var nodeViews = new List<NodeView>();
                for (var n = 1; n <= NodesPerDistrict; n++)
                {
                    var host = $"{name}-{n}.example.com";
                    nodes.Add(new NodeCapacity(host, name, profile, (d * 7 + n * 13) % 50, 50, true));
                    nodeViews.Add(new NodeView($"{name}-{n}", host, $"{name}_{n}", name, profile, n, NodePhase.Active, $"srv-{d}-{n}", null, null,
                        false, Now.AddHours(-n), []));
                }

                views[name] = new DistrictView(name, profile, DistrictSettings.Default, nodeViews, [],
                    new DistrictState(name) { Profile = profile, Nodes = ImmutableDictionary<string, DistrictNode>.Empty }, [], true);
            }

            return new World(new CapacityDocument(docDistricts, nodes), views, DistrictsSettings.Uniform(DistrictSettings.Default with { MaxNodes = 200 }));
        }
    }
}
