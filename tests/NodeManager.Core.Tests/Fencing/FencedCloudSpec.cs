using NodeManager.Core.Cloud;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Fencing;
using NodeManager.Core.Platform;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Fencing;

public sealed class FencedCloudSpec
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SimulatedCloud _cloud = new(new VirtualTimeProvider(), new SimulatedCloudOptions { Dns = true });
    private readonly SwitchableFence _fence = new();

    [Fact]
    public async Task FencedCloud_must_refuse_every_mutation_without_calling_the_cloud_once_the_fence_is_lost()
    {
        var fenced = new FencedCloud(_cloud, "d1", _fence);
        var server = await fenced.CreateServerAsync(new ServerSpec("d1_1", "centos", "m1.small", CloudMetadata.ForCluster("c")), None);
        var volume = await fenced.CreateVolumeAsync(new VolumeSpec("d1-1", 10, CloudMetadata.ForCluster("c")), None);
        _fence.Lose("lease expired 3s ago");
        var before = _cloud.Calls.Count;

        Func<Task>[] mutations =
        [
            () => fenced.CreateServerAsync(new ServerSpec("d1_2", "centos", "m1.small", CloudMetadata.ForCluster("c")), None),
            () => fenced.DeleteServerAsync(server.Id, None),
            () => fenced.CreateVolumeAsync(new VolumeSpec("d1-2", 10, CloudMetadata.ForCluster("c")), None),
            () => fenced.AttachVolumeAsync(server.Id, volume.Id, null, None),
            () => fenced.DeleteVolumeAsync(volume.Id, None),
            () => fenced.EnsureDnsRecordAsync(new DnsRecordSpec("paas.test.", "d1-1.paas.test.", "A", ["10.0.0.1"]), None),
            () => fenced.DeleteDnsRecordAsync("paas.test.", "d1-1.paas.test.", "A", None),
        ];
        foreach (var mutation in mutations)
        {
            var refused = await Assert.ThrowsAsync<FenceLostException>(mutation);
            Assert.Equal("d1", refused.District);
            Assert.Equal("lease expired 3s ago", refused.Reason);
        }

        Assert.Equal(before, _cloud.Calls.Count);
        Assert.Single(_cloud.Servers);
        Assert.Single(_cloud.Volumes);
    }

    [Fact]
    public async Task FencedCloud_must_let_reads_through_while_the_fence_is_lost()
    {
        var fenced = new FencedCloud(_cloud, "d1", _fence);
        var server = await fenced.CreateServerAsync(new ServerSpec("d1_1", "centos", "m1.small", CloudMetadata.ForCluster("c")), None);
        _fence.Lose("lost");

        Assert.Equal(server.Id, (await fenced.FindServerAsync("d1_1", None))!.Id);
        Assert.Equal(server.Id, (await fenced.GetServerAsync(server.Id, None))!.Id);
        Assert.Single(await fenced.ListServersAsync(CloudMetadata.ForCluster("c"), None));
        Assert.Null(await fenced.FindVolumeAsync("d1-1", None));
        Assert.True(fenced.SupportsDns);
    }

    [Fact]
    public async Task FencedPlatform_must_refuse_every_mutation_and_let_reads_through_once_the_fence_is_lost()
    {
        var platform = new CountingPlatform(new Simulators.Paas.PaasSimulator(new Simulators.Paas.PaasSimulatorOptions
        {
            Districts = [new Simulators.Paas.SimulatedDistrict("d1", "small", 6000, [])],
        }, new VirtualTimeProvider()));
        var fenced = new FencedPlatform(platform, "d1", _fence);
        var node = new PlatformNode("d1", "small", "d1-1.paas.test");
        await fenced.AddNodeAsync(node, None);
        _fence.Lose("another member holds the lease");

        Func<Task>[] mutations =
        [
            () => fenced.AddNodeAsync(node, None),
            () => fenced.DeactivateNodeAsync(node, None),
            () => fenced.MoveGearAsync(node, "g1", "d1-2.paas.test", None),
            () => fenced.RemoveNodeAsync(node, None),
        ];
        foreach (var mutation in mutations)
            Assert.Contains("another member holds the lease", (await Assert.ThrowsAsync<FenceLostException>(mutation)).Message);

        Assert.Equal(1, platform.Mutations);
        Assert.Empty(await fenced.ListGearsAsync(node, None));
        Assert.False(await fenced.IsNodeReadyAsync(node, None));
    }
}
