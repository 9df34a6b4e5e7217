using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Core.Profiles;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Support;

/// <summary>The cloud, the PaaS and the settings one spec runs against, all on the spec's virtual clock.</summary>
internal sealed class ControllerWorld
{
    public const string Cluster = "test-cluster";

    public ControllerWorld(TimeProvider time, int demand = 5, bool volume = true)
    {
        Time = time;
        Cloud = new SimulatedCloud(time, new SimulatedCloudOptions { BootTime = TimeSpan.FromSeconds(20) });
        Paas = new PaasSimulator(new PaasSimulatorOptions
        {
            ReadyDelay = TimeSpan.FromSeconds(10),
            MoveTime = TimeSpan.Zero,
            MoveFailureRate = 0,
            MaxActiveGears = 100,
            Districts = [new SimulatedDistrict("d1", "small", 6000, [new DemandPoint(TimeSpan.Zero, demand)])],
        }, time);
        Platform = Paas;
        Profile = new ProfileSettings("small", "centos", "m1.small")
        {
            Volume = volume ? new VolumeSettings(true, 10, null, "/dev/vdb") : VolumeSettings.None,
            UserData = "#cloud-config\nhostname: ${NODENAME}\nfqdn: ${FQDN}\n",
            Naming = NamingSettings.Default with { Domain = "paas.test" },
        };
    }

    public TimeProvider Time { get; }

    public SimulatedCloud Cloud { get; }

    public PaasSimulator Paas { get; }

    /// <summary>The platform nodes act on: the PaaS simulator unless a spec wraps it.</summary>
    public Core.Platform.IPlatform Platform { get; set; }

    public ProfileSettings Profile { get; set; }

    public NodeLifecycleSettings Lifecycle { get; set; } = NodeLifecycleSettings.Default with
    {
        PollInterval = TimeSpan.FromSeconds(2),
        LaunchRetries = 1,
    };

    public NodeStepRunner Runner => new(Cloud, Platform, Profile, Lifecycle, Cluster);

    public Props NodeProps(string launchId) =>
        Props.Create(typeof(NodeLifecycleActor), launchId, Runner, Lifecycle, Time, NullLogger.Instance);

    public static NodeLifecycle.Launch LaunchOf(string launchId, int index) =>
        new(launchId, "d1", "small", index, $"d1_{index}", $"d1-{index}.paas.test");
}
