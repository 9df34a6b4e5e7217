using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Samples;

/// <summary>The client reads every published response sample, served by a canned cloud, through its public calls.</summary>
public sealed class SampleParsingSpec : IDisposable
{
    private readonly CannedCloud _cloud = new();
    private OpenStackClient Client => _cloud.Client;

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Keystone_token_must_come_from_the_X_Subject_Token_header_with_the_samples_expiry_and_catalog()
    {
        var token = await Client.AuthenticateAsync();
        Assert.Equal("ffe47524401e4d61adc7310f7e5b6191", token.Value);
        Assert.Equal(new DateTimeOffset(2015, 11, 7, 2, 58, 43, TimeSpan.Zero), token.ExpiresAt.AddTicks(-(token.ExpiresAt.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal("a6944d763bf64ee6a275f1263fae0352", token.ProjectId);
        Assert.DoesNotContain(token.Value, token.ToString());
        var endpoints = await Client.EndpointsAsync();
        Assert.Equal("http://23.253.248.171:8774/v2.1/a6944d763bf64ee6a275f1263fae0352", endpoints["compute"].Value);
        // The devstack sample has no volumev3: block-storage falls back to volumev2.
        Assert.Equal("http://23.253.248.171:8776/v2/a6944d763bf64ee6a275f1263fae0352", endpoints["block-storage"].Value);
        Assert.Equal("http://23.253.248.171:9292/v2", endpoints["image"].Value);
        Assert.Equal(CannedCloud.DnsUrl + "/v2", endpoints["dns"].Value);
    }

    [Fact]
    public async Task Nova_server_get_sample_must_parse_into_a_server()
    {
        var server = await Client.Compute.GetServerAsync("0e44cc9c-e052-415d-afbf-469b0d384170");
        Assert.Equal("0e44cc9c-e052-415d-afbf-469b0d384170", server.Id);
        Assert.Equal("new-server-test", server.Name);
        Assert.True(server.IsActive);
        Assert.Equal("Apache1", server.Metadata["My Server Name"]);
        Assert.Equal("192.168.1.30", server.FirstIPv4);
        Assert.Equal("1", server.FlavorId);
        Assert.Equal("70a599e0-31e7-49b7-b260-868f441e862b", server.ImageId);
        Assert.Equal("us-west", server.AvailabilityZone);
        Assert.Null(server.KeyName);
        Assert.Null(server.Fault);
        Assert.Equal(["volume_id1", "volume_id2"], server.AttachedVolumeIds);
    }

    [Fact]
    public async Task Nova_servers_detail_sample_must_parse_and_follow_its_next_link_by_marker()
    {
        var servers = await Client.Compute.ListServersByNameAsync("new-server-test");
        var server = Assert.Single(servers);
        Assert.Equal("f5dc173b-6804-445a-a6d8-c705dad5b5eb", server.Id);
        var lists = _cloud.Handler.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/servers/detail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lists.Count);
        Assert.Contains("marker=f5dc173b-6804-445a-a6d8-c705dad5b5eb", lists[1].Uri.Query);
        Assert.Contains("name=%5Enew-server-test%24", lists[0].Uri.Query);
    }

    [Fact]
    public async Task Nova_create_flavor_and_attachment_samples_must_parse()
    {
        var id = await Client.Compute.CreateServerAsync(new Compute.ServerCreateSpec { Name = "n", Image = "cirros-0.3.2-x86_64-disk", Flavor = "m1.small" });
        Assert.Equal("f5dc173b-6804-445a-a6d8-c705dad5b5eb", id);
        var flavors = await Client.Compute.ListFlavorsAsync();
        Assert.Equal(6, flavors.Count);
        Assert.Contains(flavors, f => f is { Id: "3", Name: "m1.medium", Vcpus: 2, RamMiB: 4096, DiskGiB: 40 });
        var attached = await Client.Compute.AttachVolumeAsync("802db873-0373-4bdd-a433-d272a539ba18", "a07f71dc-8151-4e7d-a0cc-cd24a3f11113", "/dev/sdb");
        Assert.Equal(new Compute.VolumeAttachment("a07f71dc-8151-4e7d-a0cc-cd24a3f11113", "802db873-0373-4bdd-a433-d272a539ba18", "/dev/sdb",
            "a07f71dc-8151-4e7d-a0cc-cd24a3f11113"), attached);
        var list = await Client.Compute.ListVolumeAttachmentsAsync("4b293d31-ebd5-4a7f-be03-874b90021e54");
        Assert.Equal(["227cc671-f30b-4488-96fd-7d0bf13648d8", "a07f71dc-8151-4e7d-a0cc-cd24a3f11113"], list.Select(a => a.VolumeId));
        var one = await Client.Compute.GetVolumeAttachmentAsync("1ad6852e-6605-4510-b639-d0bff864b49a", "a07f71dc-8151-4e7d-a0cc-cd24a3f11113");
        Assert.Equal("/dev/sdb", one?.Device);
    }

    [Fact]
    public async Task Nova_and_cinder_limit_samples_must_parse_into_absolute_limits()
    {
        var compute = await Client.Compute.GetLimitsAsync();
        Assert.Equal((10, 0, 20, 0, 51200, 0), (compute.MaxInstances, compute.InstancesUsed, compute.MaxCores, compute.CoresUsed, compute.MaxRamMiB, compute.RamUsedMiB));
        var volume = await Client.BlockStorage.GetLimitsAsync();
        Assert.Equal((10, 0, 1000, 0), (volume.MaxVolumes, volume.VolumesUsed, volume.MaxGigabytes, volume.GigabytesUsed));
    }

    [Fact]
    public async Task Cinder_volume_samples_must_parse_including_the_in_use_attachment()
    {
        var created = await Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "v", SizeGiB = 10 });
        Assert.Equal(("2b955850-f177-45f7-9f49-ecb2c256d161", "creating", 10, "__DEFAULT__"), (created.Id, created.Status, created.SizeGiB, created.VolumeType));
        Assert.Null(created.Name);
        var shown = await Client.BlockStorage.GetVolumeAsync("f7223234-1afc-4d19-bfa3-d19deb6235ef");
        Assert.Equal("f7223234-1afc-4d19-bfa3-d19deb6235ef", shown.Id);
        Assert.Empty(shown.Attachments);
        var listed = await Client.BlockStorage.ListVolumesByNameAsync("test-volume-attachments");
        var inUse = Assert.Single(listed);
        Assert.True(inUse.IsInUse);
        Assert.Equal(new VolumeAttachmentInfo("f4fda93b-06e0-4743-8117-bc8bcecd651b", "/dev/vdb", "3b4db356-253d-4fab-bfa0-e3626c0b8405"), Assert.Single(inUse.Attachments));
        // Non-string metadata values (the sample has "readonly": false) are kept as their JSON text.
        Assert.Equal("false", inUse.Metadata["readonly"]);
    }

    [Fact]
    public async Task Designate_recordset_samples_must_parse()
    {
        var zone = await Client.Dns.FindZoneAsync("example.com");
        Assert.Equal(CannedCloud.ZoneId, zone?.Id);
        var created = await Client.Dns.CreateARecordsetAsync(CannedCloud.ZoneId, "example.org.", ["10.1.0.2"], TimeSpan.FromHours(1), "This is an example record set.");
        Assert.Equal(("f7b10e9b-0cae-4a91-b162-562bc6096648", "PENDING", "CREATE", 3600), (created.Id, created.Status, created.Action, created.Ttl));
        var found = Assert.Single(await Client.Dns.FindRecordsetsAsync(CannedCloud.ZoneId, "example.org."));
        Assert.Equal(["10.1.0.2"], found.Records);
        var shown = await Client.Dns.GetRecordsetAsync(CannedCloud.ZoneId, found.Id);
        Assert.Equal("ACTIVE", shown?.Status);
        Assert.True(await Client.Dns.DeleteRecordsetAsync(CannedCloud.ZoneId, found.Id));
    }

    [Fact]
    public async Task Glance_image_list_sample_must_parse_and_resolve_a_name_to_an_id()
    {
        var images = await Client.Images.ListImagesAsync();
        Assert.Equal(["cirros-0.3.2-x86_64-disk", "F17-x86_64-cfntools"], images.Select(i => i.Name));
        Assert.Equal(13167616, images[0].SizeBytes);
        Assert.Equal("1bea47ed-f6a9-463b-b423-14b9cca9ad27", await Client.Images.ResolveAsync("cirros-0.3.2-x86_64-disk"));
    }

    [Fact]
    public void Keystone_current_sample_catalog_holds_only_identity_so_compute_must_be_a_clear_error()
    {
        using var doc = Fixtures.Document("keystone/project-scoped-password.json");
        var catalog = Identity.ServiceCatalog.Parse(doc.RootElement.GetProperty("token"));
        var e = Assert.Throws<CatalogException>(() => catalog.Find(Http.ServiceKind.Compute.CatalogTypes, "public", "RegionOne"));
        Assert.Contains("service type compute", e.Message);
        Assert.Contains("region RegionOne", e.Message);
        Assert.Contains("identity (public @RegionOne, admin @RegionOne, internal @RegionOne)", e.Message);
    }

    /// <summary>Every fixture file is accounted for: parsed above, a request sample, an error body, or named here with the reason the client never reads it.</summary>
    [Fact]
    public void Every_fixture_file_must_be_covered_by_a_spec()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal)
        {
            "keystone/auth-password-project-scoped-response.json", "keystone/project-scoped-password.json",
            "keystone/project-id-password.json", "keystone/project-name-password.json",
            "nova/attach-volume-to-server-req.json", "nova/attach-volume-to-server-resp.json", "nova/flavors-detail-resp.json",
            "nova/limit-get-resp.json", "nova/list-volume-attachments-resp.json", "nova/server-create-req-v237.json",
            "nova/server-create-req.json", "nova/server-create-resp.json", "nova/server-get-resp.json", "nova/servers-details-resp.json",
            "nova/v2.32/server-create-req.json", "nova/volume-attachment-detail-resp.json",
            "cinder/limits-show-response.json", "cinder/volume-create-request.json", "cinder/volume-create-response.json",
            "cinder/volume-show-response.json", "cinder/volumes-list-detailed-response.json",
            "designate/create-recordset-request.json", "designate/create-recordset-response.json", "designate/delete-recordset-response.json",
            "designate/list-recordset-in-zone-response.json", "designate/show-recordset-response.json",
            "glance/images-list-response.json",
        };
        var notRead = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nova/images-details-get-resp.json"] = "Nova's image proxy answers 404 from microversion 2.36; images come from Glance",
            ["nova/quotas-show-detail-get-resp.json"] = "os-quota-sets needs admin rights in many clouds; /limits gives the same numbers to any member",
            ["cinder/quotas-show-usage-response.json"] = "as for nova: cinder /limits is read instead",
        };
        var unaccounted = Fixtures.AllJson()
            .Where(f => !f.Contains("/errors/", StringComparison.Ordinal) && !covered.Contains(f) && !notRead.ContainsKey(f))
            .ToList();
        Assert.Empty(unaccounted);
        foreach (var file in notRead.Keys)
            using (Fixtures.Document(file)) { }
    }
}
