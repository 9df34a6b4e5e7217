using NodeManager.Core.Cloud;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Nodes;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Cloud;

/// <summary>The simulated cloud answers as Nova and Cinder (and the OpenStack API simulator) do.</summary>
public sealed class SimulatedCloudSpec
{
    private static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string> { ["nodemanager-cluster"] = "c" };

    private readonly VirtualTimeProvider _time = new();
    private readonly SimulatedCloud _cloud;

    public SimulatedCloudSpec() => _cloud = new SimulatedCloud(_time, new SimulatedCloudOptions { BootTime = TimeSpan.FromSeconds(20), DeleteTime = TimeSpan.FromSeconds(5) });

    private static ServerSpec Server(string name, string flavor = "m1.medium") => new(name, "node-host", flavor, Metadata);

    private static VolumeSpec Volume(string name, int sizeGb = 10) => new(name, sizeGb, Metadata);

    private Task<CloudServer> CreateAsync(string name, string flavor = "m1.medium") => _cloud.CreateServerAsync(Server(name, flavor), CancellationToken.None);

    [Fact]
    public async Task SimulatedCloud_must_accept_a_server_it_has_no_host_for_and_put_it_into_ERROR_with_novas_fault()
    {
        _cloud.Options.NoValidHost = true;

        var created = await CreateAsync("a_1");
        _time.Advance(TimeSpan.FromSeconds(20));
        var later = await _cloud.GetServerAsync(created.Id, CancellationToken.None);

        Assert.Equal(CloudServerStatus.Building, created.Status);
        Assert.Null(created.Fault);
        Assert.Equal((CloudServerStatus.Error, "ERROR"), (later!.Status, later.RawStatus));
        Assert.Equal("No valid host was found. There are not enough hosts available.", later.Fault);
        Assert.True(NodeLifecycleRules.IsNoValidHostFault(later.Fault));
        Assert.Empty(later.Addresses);
    }

    [Fact]
    public async Task SimulatedCloud_must_fail_a_boot_as_an_ERROR_server_whose_fault_is_not_no_valid_host()
    {
        _cloud.Options.FailBoots = 1;

        var failing = await CreateAsync("a_1");
        var booting = await CreateAsync("a_2");
        _time.Advance(TimeSpan.FromSeconds(20));

        var failed = await _cloud.GetServerAsync(failing.Id, CancellationToken.None);
        Assert.Equal(CloudServerStatus.Error, failed!.Status);
        Assert.False(NodeLifecycleRules.IsNoValidHostFault(failed.Fault));
        Assert.Equal(CloudServerStatus.Active, (await _cloud.GetServerAsync(booting.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_a_server_beyond_the_instance_quota_with_novas_message()
    {
        _cloud.Options.InstanceQuota = 1;
        await CreateAsync("a_1");

        var refused = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => CreateAsync("a_2"));

        Assert.Equal("instances", refused.Resource);
        Assert.Equal("Quota exceeded for instances: Requested 1, but already used 1 of 1 instances", refused.CloudMessage);
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_a_server_beyond_the_cores_quota()
    {
        _cloud.Options.CoreQuota = 5;
        await CreateAsync("a_1", "m1.medium");
        await CreateAsync("a_2", "m1.medium");

        var refused = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => CreateAsync("a_3", "m1.medium"));
        var small = await CreateAsync("a_4", "m1.small");

        Assert.Equal("cores", refused.Resource);
        Assert.Equal("Quota exceeded for cores: Requested 2, but already used 4 of 5 cores", refused.CloudMessage);
        Assert.Equal(CloudServerStatus.Building, small.Status);
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_a_server_beyond_the_ram_quota()
    {
        _cloud.Options.RamMbQuota = 6144;
        await CreateAsync("a_1", "m1.medium");

        var refused = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => CreateAsync("a_2", "m1.medium"));
        await CreateAsync("a_3", "m1.small");

        Assert.Equal("ram", refused.Resource);
        Assert.Equal("Quota exceeded for ram: Requested 4096, but already used 4096 of 6144 ram", refused.CloudMessage);
    }

    [Fact]
    public async Task SimulatedCloud_must_count_servers_in_ERROR_or_being_deleted_until_they_are_gone()
    {
        _cloud.Options.InstanceQuota = 2;
        _cloud.Options.FailBoots = 1;
        var failed = await CreateAsync("a_1");
        var deleting = await CreateAsync("a_2");
        _time.Advance(TimeSpan.FromSeconds(20));
        await _cloud.DeleteServerAsync(deleting.Id, CancellationToken.None);

        await Assert.ThrowsAsync<CloudQuotaExceededException>(() => CreateAsync("a_3"));
        Assert.Equal(CloudServerStatus.Error, (await _cloud.GetServerAsync(failed.Id, CancellationToken.None))!.Status);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CloudServerStatus.Building, (await CreateAsync("a_3")).Status);
    }

    [Fact]
    public async Task SimulatedCloud_must_find_and_adopt_by_name_the_server_or_volume_of_that_name_until_it_is_gone()
    {
        var first = await CreateAsync("a_1");
        await CreateAsync("b_1");
        var volume = await _cloud.CreateVolumeAsync(Volume("a-1"), CancellationToken.None);
        await _cloud.DeleteServerAsync(first.Id, CancellationToken.None);
        await _cloud.DeleteVolumeAsync(volume.Id, CancellationToken.None);

        var deleting = await _cloud.FindServerAsync("a_1", CancellationToken.None);
        var adopted = await CreateAsync("a_1");
        var deletingVolume = await _cloud.FindVolumeAsync("a-1", CancellationToken.None);
        var adoptedVolume = await _cloud.CreateVolumeAsync(Volume("a-1"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var gone = await _cloud.FindServerAsync("a_1", CancellationToken.None);
        var goneVolume = await _cloud.FindVolumeAsync("a-1", CancellationToken.None);
        var second = await CreateAsync("a_1");
        var secondVolume = await _cloud.CreateVolumeAsync(Volume("a-1"), CancellationToken.None);

        Assert.Equal((first.Id, CloudServerStatus.Deleting), (deleting!.Id, deleting.Status));
        Assert.Equal(first.Id, adopted.Id);
        Assert.Equal((volume.Id, CloudVolumeStatus.Deleting), (deletingVolume!.Id, deletingVolume.Status));
        Assert.Equal(volume.Id, adoptedVolume.Id);
        Assert.Null(gone);
        Assert.Null(goneVolume);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, (await _cloud.FindServerAsync("a_1", CancellationToken.None))!.Id);
        Assert.Equal(secondVolume.Id, (await _cloud.FindVolumeAsync("a-1", CancellationToken.None))!.Id);
        Assert.Null(await _cloud.FindServerAsync("c_1", CancellationToken.None));
        Assert.Equal(["a_1", "b_1"], _cloud.Servers.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_an_unknown_flavor_as_nova_does()
    {
        var refused = await Assert.ThrowsAsync<CloudNotFoundException>(() => CreateAsync("a_1", "m9.huge"));

        Assert.Equal("Flavor m9.huge could not be found.", refused.CloudMessage);
        Assert.Empty(_cloud.Servers);
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_a_volume_beyond_the_volume_quota_with_cinders_message()
    {
        _cloud.Options.VolumeQuota = 1;
        await _cloud.CreateVolumeAsync(Volume("a-1"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => _cloud.CreateVolumeAsync(Volume("a-2"), CancellationToken.None));

        Assert.Equal("volumes", refused.Resource);
        Assert.Equal("VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.", refused.CloudMessage);
    }

    [Fact]
    public async Task SimulatedCloud_must_refuse_a_volume_beyond_the_gigabytes_quota_with_cinders_message()
    {
        _cloud.Options.GigabyteQuota = 25;
        await _cloud.CreateVolumeAsync(Volume("a-1", 10), CancellationToken.None);
        await _cloud.CreateVolumeAsync(Volume("a-2", 10), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => _cloud.CreateVolumeAsync(Volume("a-3", 10), CancellationToken.None));
        var fits = await _cloud.CreateVolumeAsync(Volume("a-4", 5), CancellationToken.None);

        Assert.Equal("gigabytes", refused.Resource);
        Assert.Equal(
            "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 10G, quota is 25G and 20G has been consumed.",
            refused.CloudMessage);
        Assert.Equal(5, fits.SizeGb);
    }

    [Fact]
    public async Task SimulatedCloud_must_report_limits_and_usage_for_every_resource()
    {
        _cloud.Options.InstanceQuota = 10;
        _cloud.Options.CoreQuota = 20;
        _cloud.Options.RamMbQuota = 51200;
        _cloud.Options.VolumeQuota = 10;
        _cloud.Options.GigabyteQuota = 1000;
        await CreateAsync("a_1", "m1.medium");
        await CreateAsync("a_2", "m1.small");
        await _cloud.CreateVolumeAsync(Volume("a-1", 10), CancellationToken.None);
        await _cloud.CreateVolumeAsync(Volume("a-2", 30), CancellationToken.None);

        var limits = await _cloud.GetLimitsAsync(CancellationToken.None);

        Assert.Equal(new CloudLimits(
            new QuotaUsage(10, 2), new QuotaUsage(20, 3), new QuotaUsage(51200, 6144), new QuotaUsage(10, 2), new QuotaUsage(1000, 40)), limits);
    }

    [Fact]
    public async Task SimulatedCloud_must_report_unlimited_quotas_as_openstack_does()
    {
        await CreateAsync("a_1");

        var limits = await _cloud.GetLimitsAsync(CancellationToken.None);

        Assert.True(limits.Instances.IsUnlimited && limits.Cores.IsUnlimited && limits.RamMb.IsUnlimited
            && limits.Volumes.IsUnlimited && limits.VolumeGigabytes.IsUnlimited);
        Assert.Equal(1, limits.Instances.Used);
        Assert.Null(limits.FirstExhausted(2, 4096, 10));
    }
}
