using NodeManager.Core.Cloud;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Core.Tests.Support;
using NodeManager.Testing;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

/// <summary>The cloud side of a node's steps: what the runner asks of the cloud and how it reads the answers.</summary>
public sealed class NodeStepRunnerCloudSpec : NodeStepRunnerSpecBase
{
    private readonly RecordingPlatform _platform = new();

    public NodeStepRunnerCloudSpec() => World.Platform = _platform;

    private Task<IReadOnlyList<IEvent>> RunAsync(NodeLifecycleState state, NodeStep step, ICloud? cloud = null) =>
        new NodeStepRunner(cloud ?? Cloud, _platform, World.Profile, World.Lifecycle, ControllerWorld.Cluster)
            .RunAsync(state, step, Now, CancellationToken.None);

    /// <summary>Rule: the DNS record is removed only when the profile manages one and the cloud has DNS.</summary>
    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    public async Task NodeStepRunner_must_remove_the_DNS_record_only_when_the_profile_wants_one_and_the_cloud_has_DNS(
        bool profileDns, bool cloudDns, bool removed)
    {
        World.Profile = World.Profile with { Dns = new Profiles.DnsSettings(profileDns, "paas.test.", 300) };
        Cloud.Options.Dns = cloudDns;

        Assert.IsType<NodeRemoved>(Assert.Single(await RunAsync(Requested(), NodeStep.RemoveFromPlatform)));

        Assert.Equal([$"remove {Self}"], _platform.Calls);
        Assert.Equal(removed, Cloud.Calls.Contains($"delete-dns {Self}."));
    }

    /// <summary>Rule: a profile without user data sends none (not an empty document); one with it sends it rendered.</summary>
    [Fact]
    public void NodeStepRunner_must_send_no_user_data_when_the_profile_has_none()
    {
        var rendered = World.Runner.ServerSpecFor(Requested()).UserData;
        World.Profile = World.Profile with { UserData = "" };
        var none = World.Runner.ServerSpecFor(Requested()).UserData;

        Assert.Null(none);
        Assert.Equal($"#cloud-config\nhostname: d1-1\nfqdn: {Self}\n", rendered);
    }

    /// <summary>Rule: a volume already on its way out (detaching or deleting) is waited for, not deleted again.</summary>
    [Theory]
    [InlineData(CloudVolumeStatus.Detaching, false)]
    [InlineData(CloudVolumeStatus.Deleting, false)]
    [InlineData(CloudVolumeStatus.Available, true)]
    public async Task NodeStepRunner_must_not_delete_a_volume_already_detaching_or_deleting(CloudVolumeStatus status, bool deleted)
    {
        var volume = await Cloud.CreateVolumeAsync(new VolumeSpec(Self, 10, new Dictionary<string, string>()), CancellationToken.None);
        var cloud = new VolumeStatusCloud(Cloud, status);
        var state = Requested().Apply(new VolumeCreated(volume.Id, Now));

        Assert.Empty(await RunAsync(state, NodeStep.DeleteResources, cloud));

        Assert.Equal(deleted, Cloud.Calls.Contains($"delete-volume {volume.Id}"));
    }

    /// <summary>Rule: a volume that vanished or broke while attaching fails the launch, naming the volume.</summary>
    [Fact]
    public async Task NodeStepRunner_must_fail_the_attach_of_a_volume_that_disappeared_or_went_to_error()
    {
        var volume = await Cloud.CreateVolumeAsync(new VolumeSpec(Self, 10, new Dictionary<string, string>()), CancellationToken.None);
        var attaching = Requested().Apply(new ServerCreated("srv-1", Now)).Apply(new VolumeCreated(volume.Id, Now));

        var broken = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(attaching, NodeStep.AttachVolume, new VolumeStatusCloud(Cloud, CloudVolumeStatus.Error))));
        var gone = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(attaching with { VolumeId = "vol-gone" }, NodeStep.AttachVolume)));

        Assert.Equal($"volume {Self} went to error", broken.Reason);
        Assert.Equal($"volume {Self} (vol-gone) disappeared while attaching", gone.Reason);
    }

    /// <summary>Rule: a volume attached to another server is never taken from it: the launch fails without retry.</summary>
    [Fact]
    public async Task NodeStepRunner_must_fail_without_retry_when_the_volume_is_attached_to_another_server()
    {
        var other = await Cloud.CreateServerAsync(new ServerSpec("other", "centos", "m1.small", new Dictionary<string, string>()), CancellationToken.None);
        var volume = await Cloud.CreateVolumeAsync(new VolumeSpec(Self, 10, new Dictionary<string, string>()), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Cloud.AttachVolumeAsync(other.Id, volume.Id, null, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var attaching = Requested().Apply(new ServerCreated("srv-1", Now)).Apply(new VolumeCreated(volume.Id, Now));

        var failed = Assert.IsType<LaunchFailed>(Assert.Single(await RunAsync(attaching, NodeStep.AttachVolume)));

        Assert.Equal(LaunchOutcome.Fail, failed.Outcome);
        Assert.Equal($"volume {Self} is attached to another server ({other.Id})", failed.Reason);
    }

    /// <summary>Reports every volume in one status, to reach states the simulated cloud never shows.</summary>
    private sealed class VolumeStatusCloud(ICloud inner, CloudVolumeStatus status) : DelegatingCloud(inner)
    {
        public override async Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
            await base.GetVolumeAsync(volumeId, cancellationToken) is { } volume ? volume with { Status = status } : null;
    }
}
