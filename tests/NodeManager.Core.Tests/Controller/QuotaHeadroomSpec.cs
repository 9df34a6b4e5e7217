using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The limits read before a launch stop it when one more node would not fit in any quota.</summary>
public sealed class QuotaHeadroomSpec : ControllerSpecBase
{
    [Theory]
    [InlineData("instances", "instances: 2 of 2 used")]
    [InlineData("cores", "cores: 2 of 2 used")]
    [InlineData("ram", "ram: 4096 of 4096 used")]
    [InlineData("volumes", "volumes: 2 of 2 used")]
    [InlineData("gigabytes", "gigabytes: 20 of 25 used")]
    public void District_must_not_launch_beyond_a_quota_the_limits_show_full(string resource, string usage)
    {
        // m1.small: 1 vCPU and 2048 MiB; a 10 GiB volume per node: two nodes fit, a third does not. One launch at a
        // time, so that every launch is preceded by its own limits check.
        Scaling = Scaling with { MaxConcurrentLaunches = 1 };
        World.Profile = World.Profile with { Cores = 1, RamMb = 2048, Volume = new VolumeSettings(true, 10, null, "/dev/vdb") };
        var options = World.Cloud.Options;
        switch (resource)
        {
            case "instances": options.InstanceQuota = 2; break;
            case "cores": options.CoreQuota = 2; break;
            case "ram": options.RamMbQuota = 4096; break;
            case "volumes": options.VolumeQuota = 2; break;
            default: options.GigabyteQuota = 25; break;
        }

        StartController(paas: Paas(Time, new DemandPoint(TimeSpan.Zero, 400)));

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 2 && Exhausted() is not null,
            () => $"two Active nodes and the quota reported ({string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))})", TimeSpan.FromSeconds(2));
        Assert.Equal($"cloud: quota headroom: no room for one more node ({usage})", Exhausted());
        Assert.True(Host!.Board.Districts["d1"].State.BackoffByLimits);
        Assert.Equal(0, NodesIn(NodePhase.Aborted));
        Assert.Equal(2, World.Cloud.Servers.Count);
    }

    private string? Exhausted() => District("d1")?.Conditions.FirstOrDefault(c => c.Type == "exhausted")?.Message;
}
