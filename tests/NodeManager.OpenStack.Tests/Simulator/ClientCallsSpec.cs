using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>Every client call against the simulator, with state transitions driven by virtual time.</summary>
public sealed class ClientCallsSpec : IAsyncLifetime
{
    private CloudEnv _env = null!;
    private OpenStackClient Client => _env.Client;

    public async Task InitializeAsync() => _env = await CloudEnv.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private static ServerCreateSpec Spec(string name) => new()
    {
        Name = name,
        Image = "node-host",
        Flavor = "m1.small",
        KeyName = "ops",
        Networks = ["private"], // the simulator's network, by name
        SecurityGroups = ["default", "nodes"],
        AvailabilityZone = "az1",
        Metadata = new Dictionary<string, string> { ["nodemanager-cluster"] = "test", ["nodemanager-district"] = "d1" },
        UserData = "#cloud-config\nhostname: " + name,
    };

    [Fact]
    public async Task Server_must_be_created_with_every_field_and_go_from_BUILD_to_ACTIVE_after_the_boot_delay()
    {
        var id = await Client.Compute.CreateServerAsync(Spec("d1_1"));
        var building = await Client.Compute.GetServerAsync(id);
        Assert.Equal(("d1_1", "BUILD", "spawning"), (building.Name, building.Status, building.TaskState));
        Assert.Equal(("ops", "az1", "2", "70a599e0-31e7-49b7-b260-868f441e862b"), (building.KeyName, building.AvailabilityZone, building.FlavorId, building.ImageId));
        Assert.Equal("test", building.Metadata["nodemanager-cluster"]);
        Assert.Null(building.FirstIPv4);

        _env.Clock.Advance(_env.Simulator.Options.BootDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal("BUILD", (await Client.Compute.GetServerAsync(id)).Status);
        _env.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var active = await Client.Compute.GetServerAsync(id);
        Assert.True(active.IsActive);
        Assert.NotNull(active.FirstIPv4);
        Assert.Null(active.TaskState);
    }

    [Fact]
    public async Task Servers_must_be_listed_by_exact_name_and_by_metadata()
    {
        await Client.Compute.CreateServerAsync(Spec("d1_1"));
        await Client.Compute.CreateServerAsync(Spec("d1_10"));
        await Client.Compute.CreateServerAsync(Spec("d1.1") with { Metadata = new Dictionary<string, string> { ["nodemanager-cluster"] = "other" } });
        Assert.Equal(["d1_1"], (await Client.Compute.ListServersByNameAsync("d1_1")).Select(s => s.Name));
        // '.' is a regex metacharacter in Nova's name filter: it must be escaped, not match "d1_1".
        Assert.Equal(["d1.1"], (await Client.Compute.ListServersByNameAsync("d1.1")).Select(s => s.Name));
        var ours = await Client.Compute.ListServersByMetadataAsync(new Dictionary<string, string> { ["nodemanager-cluster"] = "test" });
        Assert.Equal(["d1_1", "d1_10"], ours.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Deleted_server_must_linger_as_deleting_then_be_gone_and_a_second_delete_must_succeed_as_already_gone()
    {
        var id = await Client.Compute.CreateServerAsync(Spec("d1_1"));
        Assert.True(await Client.Compute.DeleteServerAsync(id));
        Assert.Equal("deleting", (await Client.Compute.GetServerAsync(id)).TaskState);
        _env.Clock.Advance(_env.Simulator.Options.DeleteDelay);
        await Assert.ThrowsAsync<Errors.NotFoundException>(() => Client.Compute.GetServerAsync(id));
        Assert.False(await Client.Compute.DeleteServerAsync(id));
        Assert.Empty(_env.Admin.Servers());
    }

    [Fact]
    public async Task Volume_must_go_creating_available_attaching_in_use_and_back_to_available_on_detach()
    {
        var serverId = await Client.Compute.CreateServerAsync(Spec("d1_1"));
        var volume = await Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec
        {
            Name = "d1-1.example.com", SizeGiB = 20, VolumeType = "ssd", AvailabilityZone = "az1",
            Metadata = new Dictionary<string, string> { ["nodemanager-node"] = "d1-1" },
        });
        Assert.Equal(("creating", 20, "ssd", "az1"), (volume.Status, volume.SizeGiB, volume.VolumeType, volume.AvailabilityZone));
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        Assert.True((await Client.BlockStorage.GetVolumeAsync(volume.Id)).IsAvailable);

        var attachment = await Client.Compute.AttachVolumeAsync(serverId, volume.Id, "/dev/vdb");
        Assert.Equal(new VolumeAttachment(volume.Id, serverId, "/dev/vdb", volume.Id), attachment);
        Assert.Equal("attaching", (await Client.BlockStorage.GetVolumeAsync(volume.Id)).Status);
        _env.Clock.Advance(_env.Simulator.Options.AttachDelay);
        var inUse = await Client.BlockStorage.GetVolumeAsync(volume.Id);
        Assert.True(inUse.IsInUse);
        Assert.Equal(serverId, Assert.Single(inUse.Attachments).ServerId);
        Assert.Equal([volume.Id], (await Client.Compute.ListVolumeAttachmentsAsync(serverId)).Select(a => a.VolumeId));
        Assert.Equal([volume.Id], (await Client.Compute.GetServerAsync(serverId)).AttachedVolumeIds);

        Assert.True(await Client.Compute.DetachVolumeAsync(serverId, volume.Id));
        Assert.False(await Client.Compute.DetachVolumeAsync(serverId, volume.Id));
        Assert.Null(await Client.Compute.GetVolumeAttachmentAsync(serverId, volume.Id));
        Assert.True((await Client.BlockStorage.GetVolumeAsync(volume.Id)).IsAvailable);
    }

    [Fact]
    public async Task Volumes_must_be_listed_by_name_and_metadata_and_deleted_idempotently()
    {
        var meta = new Dictionary<string, string> { ["nodemanager-cluster"] = "test" };
        var a = await Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "a", SizeGiB = 1, Metadata = meta });
        await Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "b", SizeGiB = 1 });
        Assert.Equal([a.Id], (await Client.BlockStorage.ListVolumesByNameAsync("a")).Select(v => v.Id));
        Assert.Equal([a.Id], (await Client.BlockStorage.ListVolumesByMetadataAsync(meta)).Select(v => v.Id));
        Assert.True(await Client.BlockStorage.DeleteVolumeAsync(a.Id));
        _env.Clock.Advance(_env.Simulator.Options.DeleteDelay);
        Assert.False(await Client.BlockStorage.DeleteVolumeAsync(a.Id));
        Assert.Empty(await Client.BlockStorage.ListVolumesByNameAsync("a"));
    }

    [Fact]
    public async Task Limits_must_report_quota_and_usage_of_servers_and_volumes()
    {
        await Client.Compute.CreateServerAsync(Spec("d1_1"));
        await Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "v", SizeGiB = 30 });
        var compute = await Client.Compute.GetLimitsAsync();
        Assert.Equal((10, 1, 20, 1, 51200, 2048), (compute.MaxInstances, compute.InstancesUsed, compute.MaxCores, compute.CoresUsed, compute.MaxRamMiB, compute.RamUsedMiB));
        var volume = await Client.BlockStorage.GetLimitsAsync();
        Assert.Equal((10, 1, 1000, 30), (volume.MaxVolumes, volume.VolumesUsed, volume.MaxGigabytes, volume.GigabytesUsed));
    }

    [Fact]
    public async Task Designate_recordsets_must_be_created_found_updated_and_deleted()
    {
        var zone = await Client.Dns.FindZoneAsync("example.com");
        Assert.NotNull(zone);
        Assert.Null(await Client.Dns.FindZoneAsync("example.org"));
        var created = await Client.Dns.CreateARecordsetAsync(zone.Id, "d1-1.example.com", ["10.0.0.5"], TimeSpan.FromMinutes(5));
        Assert.Equal(("d1-1.example.com.", "A", 300, "PENDING"), (created.Name, created.Type, created.Ttl, created.Status));
        var found = Assert.Single(await Client.Dns.FindRecordsetsAsync(zone.Id, "d1-1.example.com."));
        Assert.Equal("ACTIVE", found.Status);
        var updated = await Client.Dns.UpdateRecordsAsync(zone.Id, found.Id, ["10.0.0.6"]);
        Assert.Equal(["10.0.0.6"], updated.Records);
        Assert.True(await Client.Dns.DeleteRecordsetAsync(zone.Id, found.Id));
        Assert.False(await Client.Dns.DeleteRecordsetAsync(zone.Id, found.Id));
        Assert.Empty(_env.Admin.Recordsets());
    }

    [Fact]
    public async Task Images_and_flavors_must_resolve_by_name_or_id_and_be_cached()
    {
        Assert.Equal("1bea47ed-f6a9-463b-b423-14b9cca9ad27", await Client.Compute.ResolveImageAsync("cirros-0.3.2-x86_64-disk"));
        Assert.Equal("1bea47ed-f6a9-463b-b423-14b9cca9ad27", await Client.Compute.ResolveImageAsync("1bea47ed-f6a9-463b-b423-14b9cca9ad27"));
        Assert.Equal("3", await Client.Compute.ResolveFlavorAsync("m1.medium"));
        Assert.Equal("3", await Client.Compute.ResolveFlavorAsync("3"));
        var flavorCalls = _env.Admin.Calls(Simulators.OpenStack.SimulatorOps.FlavorList);
        var imageCalls = _env.Admin.Calls(Simulators.OpenStack.SimulatorOps.ImageList);
        await Client.Compute.CreateServerAsync(Spec("a") with { Image = "cirros-0.3.2-x86_64-disk", Flavor = "m1.medium" });
        await Client.Compute.CreateServerAsync(Spec("b") with { Image = "cirros-0.3.2-x86_64-disk", Flavor = "m1.medium" });
        Assert.Equal(flavorCalls, _env.Admin.Calls(Simulators.OpenStack.SimulatorOps.FlavorList));
        Assert.Equal(imageCalls, _env.Admin.Calls(Simulators.OpenStack.SimulatorOps.ImageList));
        var e = await Assert.ThrowsAsync<Errors.NotFoundException>(() => Client.Compute.ResolveImageAsync("no-such-image"));
        Assert.Contains("no-such-image", e.CloudMessage);
        var f = await Assert.ThrowsAsync<Errors.NotFoundException>(() => Client.Compute.ResolveFlavorAsync("m9.huge"));
        Assert.Contains("m1.tiny", f.CloudMessage);
    }

    [Fact]
    public async Task Endpoints_must_be_chosen_from_the_simulators_catalog()
    {
        var endpoints = await Client.EndpointsAsync();
        var baseUri = _env.Simulator.BaseUri.ToString().TrimEnd('/');
        Assert.Equal($"{baseUri}/compute/v2.1/{_env.Simulator.Options.ProjectId}", endpoints["compute"].Value);
        Assert.Equal($"{baseUri}/volume/v3/{_env.Simulator.Options.ProjectId}", endpoints["block-storage"].Value);
        Assert.Equal($"{baseUri}/dns/v2", endpoints["dns"].Value);
        Assert.Equal($"{baseUri}/image/v2", endpoints["image"].Value);
    }

    [Theory]
    [InlineData("2.47")]
    [InlineData("2.89")]
    [InlineData("2.101")]
    public async Task Client_must_tolerate_the_shapes_of_later_microversions(string microversion)
    {
        using var client = _env.NewClient(CloudEnv.QuietSettings with { ComputeMicroversion = microversion });
        var serverId = await client.Compute.CreateServerAsync(Spec("mv"));
        var volume = await client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "mv", SizeGiB = 1 });
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        var server = await client.Compute.GetServerAsync(serverId);
        // From 2.47 the flavor is embedded without an id.
        Assert.Null(server.FlavorId);
        Assert.Equal("m1.small", server.FlavorName);
        var attached = await client.Compute.AttachVolumeAsync(serverId, volume.Id);
        if (microversion == "2.101") Assert.Null(attached);
        else Assert.Equal(volume.Id, attached!.VolumeId);
        var listed = Assert.Single(await client.Compute.ListVolumeAttachmentsAsync(serverId));
        Assert.Equal(volume.Id, listed.VolumeId);
        // From 2.89 the attachment id is the Cinder attachment's, no longer the volume id.
        if (microversion != "2.47") Assert.NotEqual(volume.Id, listed.AttachmentId);
    }

    [Fact]
    public async Task Volume_types_must_be_listed_and_found_by_name_or_id_as_cinder_does()
    {
        var types = await Client.BlockStorage.ListVolumeTypesAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["__DEFAULT__", "lvmdriver-1"], types.Select(t => t.Name));
        Assert.All(types, t => Assert.True(t.IsPublic));
        var lvm = types[1];
        Assert.Same(lvm, CinderClient.FindVolumeType(types, "lvmdriver-1"));
        Assert.Same(lvm, CinderClient.FindVolumeType(types, lvm.Id));
        Assert.Null(CinderClient.FindVolumeType(types, "LVMDRIVER-1"));
    }
}
