using NodeManager.Core.Tests.Support;
using Akka.Actor;
using Akka.Configuration;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodeManager.Benchmarks.Core.Nodes;
using NodeManager.Core.Capacity;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Platform;
using NodeManager.Core.Scaling;

namespace NodeManager.Benchmarks.Core.Capacity;

/// <summary>
/// From a capacity document that needs a node to the create-server request, on Akka with its in-memory journal: the
/// watcher polls, the policy decides, the district checks limits, journals the name and starts the node, which journals
/// its intent and calls the cloud. The measured case has 1,000 districts of which one runs hot; the baseline has one
/// district. Target: ≤ 1 s.
/// </summary>
[Config(typeof(LongSetupJob))]
public class DecisionToLaunchBenchmark
{
    private static readonly Config InMemoryJournal = ConfigurationFactory.ParseString("""
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """);

    private ActorSystem _system = null!;
    private ControllerHost _host = null!;
    private SignallingCloud _cloud = null!;

    [Params(1, 1_000)]
    public int Districts { get; set; }

    [IterationSetup]
    public void Start()
    {
        _system = ActorSystem.Create("decision", Actors.ActorBenchmarks.Config.WithFallback(InMemoryJournal));
        _cloud = new SignallingCloud();
        var source = new BenchmarkController.FixedCapacity(Document(Districts, hot: false));
        var services = BenchmarkController.Services(_cloud, source, new ForgetfulPlatform(ready: false),
            ScalingSettings.Default with { ScaleUpSustainedFor = TimeSpan.Zero, MaxNodesTotal = 100_000 },
            CapacitySettings.Default with { Interval = TimeSpan.FromHours(1) });
        _host = ControllerHost.Start(services, _system, _system.ActorOf(LocalDistrictRegion.PropsFor(services), LocalDistrictRegion.Name));
        // The first poll (at start) reads a document where nothing runs hot and starts the district supervisors;
        // once they have all recovered, the measured poll reads one where the last district needs a node.
        BenchmarkController.WaitUntil(() => services.Board.Districts.Count == Districts, TimeSpan.FromMinutes(2),
            () => $"{services.Board.Districts.Count} of {Districts} districts started");
        source.Document = Document(Districts, hot: true);
    }

    [IterationCleanup]
    public void Stop() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark]
    public bool DocumentToCreateServer()
    {
        _host.Watcher.Tell(CapacityWatcher.Poll.Instance);
        return _cloud.Created.Task.Wait(TimeSpan.FromSeconds(10)) ? true : throw new InvalidOperationException("no create-server request");
    }

    /// <summary>Each iteration starts a thousand persistent districts: few iterations, and room for the set-up.</summary>
    public sealed class LongSetupJob : ManualConfig
    {
        public LongSetupJob() => AddJob(ShortJobs.InProcess(warmups: 1, iterations: 5));
    }

    private static CapacityDocument Document(int districts, bool hot)
    {
        // The last district has a profile of its own, so that its heat is not averaged away by the others.
        static string Profile(int d, int districts) => d == districts - 1 ? "large" : "small";
        var list = Enumerable.Range(0, districts).Select(d => new DistrictCapacity($"d{d}", Profile(d, districts), 6000, 100)).ToList();
        var nodes = Enumerable.Range(0, districts).Select(d => new NodeCapacity($"d{d}-static.example.com", $"d{d}", Profile(d, districts),
            hot && d == districts - 1 ? 50 : 30, 50, true)).ToList();
        return new CapacityDocument(list, nodes);
    }

    /// <summary>The forgetful cloud, signalling the first create-server request.</summary>
    private sealed class SignallingCloud : ForgetfulCloud
    {
        public TaskCompletionSource Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken)
        {
            Created.TrySetResult();
            return base.CreateServerAsync(spec, cancellationToken);
        }
    }
}
