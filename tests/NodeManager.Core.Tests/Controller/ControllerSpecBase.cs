using Akka.Actor;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Fencing;
using NodeManager.Core.Metrics;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;
using NodeManager.Core.Status;
using NodeManager.Core.Tests.Nodes;
using NodeManager.Core.Tests.Support;
using NodeManager.Simulators.Paas;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The whole controller (watcher, districts, nodes) on virtual time against the simulated cloud and PaaS.</summary>
public abstract class ControllerSpecBase : NodeLifecycleSpecBase
{
    internal ScalingSettings Scaling { get; set; } = ScalingSettings.Default with
    {
        ScaleUpSustainedFor = TimeSpan.FromSeconds(10),
        ScaleDownUnneededTime = TimeSpan.FromSeconds(30),
        ScaleDownDelayAfterAdd = TimeSpan.FromSeconds(60),
        ScaleUpCooldown = TimeSpan.FromSeconds(10),
        ScaleDownCooldown = TimeSpan.FromSeconds(20),
        MaxConcurrentLaunches = 2,
        ExhaustionBackoffMin = TimeSpan.FromSeconds(30),
        ExhaustionBackoffMax = TimeSpan.FromMinutes(2),
        LimitsCacheTtl = TimeSpan.Zero,
    };

    internal CleanupSettings Cleanup { get; set; } = CleanupSettings.Default with { LeakGrace = TimeSpan.FromMinutes(1) };

    internal SnapshotSettings Snapshots { get; set; } = SnapshotSettings.Default;

    internal ControllerHost? Host { get; private set; }

    /// <summary>Where the controller reports what it does; counts nothing unless a spec sets it before starting.</summary>
    internal IControllerMetrics Metrics { get; set; } = NoControllerMetrics.Instance;

    /// <summary>Every line the controller logged.</summary>
    internal CapturingLoggerFactory Logged { get; } = new();

    /// <summary>Starts the controller; <paramref name="district"/>, when given, replaces the bounds every district gets.</summary>
    internal ControllerHost StartController(
        ICloud? cloud = null, PaasSimulator? paas = null, int minNodes = 1, int maxNodes = 10, DistrictSettings? district = null,
        ICapacitySource? capacity = null, IDistrictFences? fences = null)
    {
        var services = Services(cloud, paas, minNodes, maxNodes, district, capacity, fences);
        // A controller started again in the same spec reuses the region's name (specs address its actors by path); the
        // name of the one StopAsync stopped is free once the guardian has handled its termination, a moment later.
        IActorRef region = ActorRefs.Nobody;
        AwaitAssert(() => region = Sys.ActorOf(LocalDistrictRegion.PropsFor(services), LocalDistrictRegion.Name), TimeSpan.FromSeconds(10));
        return Host = ControllerHost.Start(services, Sys, region);
    }

    /// <summary>What <see cref="StartController"/> runs on, for a spec that starts one of its actors alone.</summary>
    internal ControllerServices Services(
        ICloud? cloud = null, PaasSimulator? paas = null, int minNodes = 1, int maxNodes = 10, DistrictSettings? district = null,
        ICapacitySource? capacity = null, IDistrictFences? fences = null)
    {
        var theCloud = cloud ?? World.Cloud;
        var thePaas = paas ?? World.Paas;
        return new ControllerServices(
            ControllerWorld.Cluster,
            theCloud,
            capacity ?? thePaas,
            thePaas,
            CapacitySettings.Default with { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(3) },
            Scaling,
            World.Lifecycle,
            DistrictsSettings.Uniform(district ?? DistrictSettings.Default with { MinNodes = minNodes, MaxNodes = maxNodes }),
            ProfilesSettings.Single(World.Profile),
            Cleanup,
            new ControllerBoard(time: Time),
            new LimitsCache(theCloud, Time, Scaling.LimitsCacheTtl),
            Time,
            Logged)
        {
            Snapshots = Snapshots,
            Fences = fences ?? DistrictFences.AlwaysHeld,
            Metrics = Metrics,
        };
    }

    internal DistrictStatus? District(string name) => Host!.GetDistrictAsync(name, CancellationToken.None).GetAwaiter().GetResult();

    internal IReadOnlyList<NodeStatus> Nodes() => Host!.GetNodesAsync(CancellationToken.None).GetAwaiter().GetResult();

    internal int NodesIn(NodePhase phase) => Nodes().Count(n => n.State == phase.ToString());

    internal int Live() => Nodes().Count(n => !Enum.Parse<NodePhase>(n.State).IsTerminal());

    internal static PaasSimulator Paas(TimeProvider time, params DemandPoint[] demand) => new(new PaasSimulatorOptions
    {
        ReadyDelay = TimeSpan.FromSeconds(10),
        MoveTime = TimeSpan.Zero,
        MoveFailureRate = 0.1,
        MaxActiveGears = 100,
        Districts = [new SimulatedDistrict("d1", "small", 6000, demand)],
    }, time);
}
