using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NodeManager.Actors;
using NodeManager.Actors.Persistence;
using NodeManager.Benchmarks.Core.Nodes;
using NodeManager.Core.Capacity;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;

namespace NodeManager.Benchmarks.Core.Capacity;

/// <summary>
/// From a capacity document that needs a node to the create-server request: the watcher polls, the policy decides,
/// the district checks limits, journals the name and starts the node, which journals its intent and calls the cloud.
/// The measured case has 1,000 districts of which one runs hot; the baseline has one district. Target: ≤ 1 s.
/// </summary>
[Config(typeof(LongSetupJob))]
public class DecisionToLaunchBenchmark
{
    private ActorSystem _system = null!;
    private ControllerHost _host = null!;
    private SignallingCloud _cloud = null!;
    private FixedSource _source = null!;

    [Params(1, 1_000)]
    public int Districts { get; set; }

    [IterationSetup]
    public void Start()
    {
        _system = ActorSystem.Create("decision");
        _system.RegisterExtension(new PersistenceExtension(new InMemoryJournal(), new InMemorySnapshotStore(),
            new EventSerializer(ControllerEvents.Register(new EventTypeRegistry()))));
        _cloud = new SignallingCloud();
        var scaling = ScalingSettings.Default with { ScaleUpSustainedFor = TimeSpan.Zero, MaxNodesTotal = 100_000 };
        _source = new FixedSource(Document(Districts, hot: false));
        var services = new ControllerServices("bench", _cloud, _source, new ForgetfulPlatform(ready: false),
            CapacitySettings.Default with { Interval = TimeSpan.FromHours(1) }, scaling, NodeLifecycleSettings.Default,
            DistrictsSettings.Uniform(DistrictSettings.Default), ProfilesSettings.Single(new ProfileSettings("small", "node-host", "m1.small")),
            CleanupSettings.Default, new ControllerBoard(), new LimitsCache(_cloud, TimeProvider.System, TimeSpan.FromMinutes(5)));
        _host = ControllerHost.Start(services, _system, TimeProvider.System);
        // The first poll (at start) reads a document where nothing runs hot and starts the district supervisors;
        // once they are all up, the measured poll reads one where the last district needs a node.
        SpinWait.SpinUntil(() => services.Board.Districts.Count == Districts, TimeSpan.FromMinutes(1));
        _source.Document = Document(Districts, hot: true);
    }

    [IterationCleanup]
    public void Stop() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark]
    public bool DocumentToCreateServer()
    {
        _host.Watcher.Tell(CapacityWatcher.Poll.Instance);
        return _cloud.Created.Task.Wait(TimeSpan.FromSeconds(5)) ? true : throw new InvalidOperationException("no create-server request");
    }

    /// <summary>Each iteration starts a thousand persistent districts: few iterations, and room for the set-up.</summary>
    public sealed class LongSetupJob : ManualConfig
    {
        public LongSetupJob() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
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

    private sealed class FixedSource(CapacityDocument document) : ICapacitySource
    {
        public CapacityDocument Document { get; set; } = document;

        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Document);
    }

    /// <summary>The forgetful cloud, signalling the first create-server request of each round.</summary>
    private sealed class SignallingCloud : ICloud
    {
        private readonly ForgetfulCloud _inner = new();

        public TaskCompletionSource Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SupportsDns => false;

        public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken)
        {
            Created.TrySetResult();
            return _inner.CreateServerAsync(spec, cancellationToken);
        }

        public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => _inner.FindServerAsync(name, cancellationToken);

        public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => _inner.GetServerAsync(serverId, cancellationToken);

        public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => _inner.FindVolumeAsync(name, cancellationToken);

        public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => _inner.GetVolumeAsync(volumeId, cancellationToken);

        public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => _inner.CreateVolumeAsync(spec, cancellationToken);

        public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(CloudLimits.Unlimited);

        public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
            _inner.ListServersAsync(metadata, cancellationToken);

        public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
            _inner.ListVolumesAsync(metadata, cancellationToken);

        public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
