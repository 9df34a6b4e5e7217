using System.Text.Json.Nodes;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>The simulator answers with the same field names and JSON types as the published samples, and the same error bodies.</summary>
public sealed class SimulatorShapeSpec : IAsyncLifetime
{
    private CloudEnv _env = null!;
    private RawApi _raw = null!;

    public async Task InitializeAsync()
    {
        _env = await CloudEnv.StartAsync(o => o with { Quotas = new SimulatorQuotas(Instances: 10, Cores: 10) });
        _raw = new RawApi(_env.Simulator);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _env.DisposeAsync();
    }

    private static readonly HashSet<string> UserKeys = ["$.server.metadata.*", "$.servers[].metadata.*", "$.volume.metadata.*", "$.volumes[].metadata.*"];

    private async Task<string> ActiveServerAsync(string name = "s1")
    {
        var (_, created) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "@NAME@", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1", "metadata": {"k": "v"}}}""".Replace("@NAME@", name));
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        return created!["server"]!["id"]!.GetValue<string>();
    }

    private async Task<string> VolumeAsync(string name = "v1", int size = 1)
    {
        var (status, created) = await _raw.PostAsync($"{_raw.Volume}/volumes", """{"volume": {"size": @SIZE@, "name": "@NAME@"}}""".Replace("@SIZE@", size.ToString()).Replace("@NAME@", name));
        Assert.True(status == 202, created?.ToJsonString());
        _env.Clock.Advance(_env.Simulator.Options.VolumeCreateDelay);
        return created!["volume"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Keystone_token_answer_must_have_the_samples_shape_and_the_subject_token_header()
    {
        var (status, body, response) = await _raw.TokenAsync();
        Assert.Equal(201, status);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Subject-Token").Single());
        Assert.StartsWith("req-", response.Headers.GetValues("x-openstack-request-id").Single());
        JsonShape.AssertSame(Fixtures.Node("keystone/auth-password-project-scoped-response.json"), body);
    }

    [Fact]
    public async Task Nova_server_create_get_and_detail_answers_must_have_the_samples_shape()
    {
        var (status, created) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "s", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        Assert.Equal(202, status);
        JsonShape.AssertSame(Fixtures.Node("nova/server-create-resp.json"), created);
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        var id = created!["server"]!["id"]!.GetValue<string>();
        JsonShape.AssertSame(Fixtures.Node("nova/server-get-resp.json"), (await _raw.GetAsync($"{_raw.Compute}/servers/{id}")).Body, UserKeys);
        JsonShape.AssertSame(Fixtures.Node("nova/servers-details-resp.json"), (await _raw.GetAsync($"{_raw.Compute}/servers/detail")).Body,
            new HashSet<string>(UserKeys) { "$.servers_links" });
    }

    [Fact]
    public async Task Nova_attachment_limits_and_flavor_answers_must_have_the_samples_shape()
    {
        var serverId = await ActiveServerAsync();
        var volumeId = await VolumeAsync();
        var (status, attached) = await _raw.PostAsync($"{_raw.Compute}/servers/{serverId}/os-volume_attachments",
            """{"volumeAttachment": {"volumeId": "@VOLUMEID@", "device": "/dev/sdb"}}""".Replace("@VOLUMEID@", volumeId));
        Assert.Equal(200, status);
        JsonShape.AssertSame(Fixtures.Node("nova/attach-volume-to-server-resp.json"), attached);
        JsonShape.AssertSame(Fixtures.Node("nova/list-volume-attachments-resp.json"), (await _raw.GetAsync($"{_raw.Compute}/servers/{serverId}/os-volume_attachments")).Body);
        JsonShape.AssertSame(Fixtures.Node("nova/volume-attachment-detail-resp.json"),
            (await _raw.GetAsync($"{_raw.Compute}/servers/{serverId}/os-volume_attachments/{volumeId}")).Body);
        JsonShape.AssertSame(Fixtures.Node("nova/limit-get-resp.json"), (await _raw.GetAsync($"{_raw.Compute}/limits")).Body);
        JsonShape.AssertSame(Fixtures.Node("nova/flavors-detail-resp.json"), (await _raw.GetAsync($"{_raw.Compute}/flavors/detail")).Body);
    }

    [Fact]
    public async Task Cinder_volume_and_limit_answers_must_have_the_samples_shape()
    {
        var (status, created) = await _raw.PostAsync($"{_raw.Volume}/volumes", """{"volume": {"size": 10, "name": null}}""");
        Assert.Equal(202, status);
        JsonShape.AssertSame(Fixtures.Node("cinder/volume-create-response.json"), created, UserKeys);
        var id = created!["volume"]!["id"]!.GetValue<string>();
        JsonShape.AssertSame(Fixtures.Node("cinder/volume-show-response.json"), (await _raw.GetAsync($"{_raw.Volume}/volumes/{id}")).Body, UserKeys);
        var serverId = await ActiveServerAsync();
        await _raw.PostAsync($"{_raw.Compute}/servers/{serverId}/os-volume_attachments", """{"volumeAttachment": {"volumeId": "@ID@"}}""".Replace("@ID@", id));
        _env.Clock.Advance(_env.Simulator.Options.AttachDelay);
        var (_, list) = await _raw.GetAsync($"{_raw.Volume}/volumes/detail");
        Assert.Equal("in-use", list!["volumes"]![0]!["status"]!.GetValue<string>());
        JsonShape.AssertSame(Fixtures.Node("cinder/volumes-list-detailed-response.json"), list,
            new HashSet<string>(UserKeys) { "$.volumes_links", "$.count", "$.volumes[].volume_image_metadata", "$.volumes[].group_id",
                // The list sample predates these fields (2019); the current show sample has them.
                "$.volumes[].updated_at", "$.volumes[].os-vol-mig-status-attr:name_id" });
        JsonShape.AssertSame(Fixtures.Node("cinder/limits-show-response.json"), (await _raw.GetAsync($"{_raw.Volume}/limits")).Body);
    }

    [Fact]
    public async Task Designate_and_glance_answers_must_have_the_samples_shape()
    {
        var (_, zones) = await _raw.GetAsync("dns/v2/zones?name=example.com.");
        var zoneId = zones!["zones"]![0]!["id"]!.GetValue<string>();
        var (status, created) = await _raw.PostAsync($"dns/v2/zones/{zoneId}/recordsets", Fixtures.Text("designate/create-recordset-request.json").Replace("example.org.", "www.example.com."));
        Assert.Equal(202, status);
        JsonShape.AssertSame(Fixtures.Node("designate/create-recordset-response.json"), created);
        var id = created!["id"]!.GetValue<string>();
        JsonShape.AssertSame(Fixtures.Node("designate/show-recordset-response.json"), (await _raw.GetAsync($"dns/v2/zones/{zoneId}/recordsets/{id}")).Body);
        JsonShape.AssertSame(Fixtures.Node("designate/list-recordset-in-zone-response.json"), (await _raw.GetAsync($"dns/v2/zones/{zoneId}/recordsets")).Body,
            new HashSet<string> { "$.links.next" });
        var (deleted, deleteBody) = await _raw.SendAsync(HttpMethod.Delete, $"dns/v2/zones/{zoneId}/recordsets/{id}");
        Assert.Equal(202, deleted);
        JsonShape.AssertSame(Fixtures.Node("designate/delete-recordset-response.json"), deleteBody);
        JsonShape.AssertSame(Fixtures.Node("glance/images-list-response.json"), (await _raw.GetAsync("image/v2/images")).Body);
    }

    [Fact]
    public async Task Quota_error_bodies_must_equal_the_fixtures()
    {
        // Nine tiny servers use 9 of 10 cores; a medium one asks for 2: the fixture's exact numbers.
        for (var i = 0; i < 9; i++) await ActiveServerAsync($"s{i}");
        var (status, cores) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "big", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "3"}}""");
        Assert.Equal(403, status);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("nova/errors/quota-exceeded-cores-403.json"), cores), cores!.ToJsonString());
        await ActiveServerAsync("s9");
        var (_, instances) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "s10", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("nova/errors/quota-exceeded-instances-403.json"), instances), instances!.ToJsonString());

        // Ten volumes holding 995G: the volumes quota answers first, then (volumes unlimited) the gigabytes quota.
        for (var i = 0; i < 9; i++) await VolumeAsync($"v{i}");
        await VolumeAsync("big", 986);
        var (_, volumes) = await _raw.PostAsync($"{_raw.Volume}/volumes", """{"volume": {"size": 10}}""");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("cinder/errors/quota-exceeded-volumes-413.json"), volumes), volumes!.ToJsonString());
        _env.Admin.Quotas = _env.Admin.Quotas with { Volumes = -1 };
        var (gbStatus, gigabytes) = await _raw.PostAsync($"{_raw.Volume}/volumes", """{"volume": {"size": 10}}""");
        Assert.Equal(413, gbStatus);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("cinder/errors/quota-exceeded-gigabytes-413.json"), gigabytes), gigabytes!.ToJsonString());
    }

    [Fact]
    public async Task Not_found_bad_request_and_conflict_bodies_must_equal_the_fixtures()
    {
        var (s404, server) = await _raw.GetAsync($"{_raw.Compute}/servers/0e44cc9c-e052-415d-afbf-469b0d384170");
        Assert.Equal(404, s404);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("nova/errors/item-not-found-instance-404.json"), server));
        var (_, volume) = await _raw.GetAsync($"{_raw.Volume}/volumes/f7223234-1afc-4d19-bfa3-d19deb6235ef");
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("cinder/errors/item-not-found-volume-404.json"), volume));
        var (s400, flavor) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "x", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "999"}}""");
        Assert.Equal(400, s400);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("nova/errors/bad-request-flavor-400.json"), flavor));

        var (_, created) = await _raw.PostAsync($"{_raw.Compute}/servers",
            """{"server": {"name": "b", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        var buildingId = created!["server"]!["id"]!.GetValue<string>();
        var volumeId = await VolumeAsync();
        var (s409, conflict) = await _raw.PostAsync($"{_raw.Compute}/servers/{buildingId}/os-volume_attachments", """{"volumeAttachment": {"volumeId": "@VOLUMEID@"}}""".Replace("@VOLUMEID@", volumeId));
        Assert.Equal(409, s409);
        var expected = Fixtures.Text("nova/errors/conflicting-request-invalid-state-409.json").Replace("0e44cc9c-e052-415d-afbf-469b0d384170", buildingId);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), conflict), conflict!.ToJsonString());

        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        await _raw.PostAsync($"{_raw.Compute}/servers/{buildingId}/os-volume_attachments", """{"volumeAttachment": {"volumeId": "@VOLUMEID@"}}""".Replace("@VOLUMEID@", volumeId));
        var (inUse, inUseBody) = await _raw.SendAsync(HttpMethod.Delete, $"{_raw.Volume}/volumes/{volumeId}");
        Assert.Equal(400, inUse);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node("cinder/errors/bad-request-delete-in-use-400.json"), inUseBody));
    }

    [Fact]
    public async Task Requests_without_a_valid_token_must_get_keystones_401_body()
    {
        using var http = new HttpClient { BaseAddress = _env.Simulator.BaseUri };
        using var response = await http.GetAsync($"{_raw.Compute}/limits");
        Assert.Equal(401, (int)response.StatusCode);
        JsonShape.AssertSame(Fixtures.Node("keystone/errors/authv3_authorizationerror.json"), JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Admin_api_must_list_resources_and_change_faults_quotas_and_modes_at_runtime()
    {
        await ActiveServerAsync();
        await VolumeAsync();
        using var http = new HttpClient { BaseAddress = _env.Simulator.AdminUrl };
        var servers = JsonNode.Parse(await http.GetStringAsync("servers"))!.AsArray();
        Assert.Equal("ACTIVE", servers.Single()!["status"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(await http.GetStringAsync("volumes"))!.AsArray());

        using var fault = await http.PutAsync($"faults/{SimulatorOps.ServerGet}",
            new StringContent("""{"errorRate": 1.0, "errorStatus": 503}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(fault.IsSuccessStatusCode);
        Assert.Equal(503, _env.Admin.Faults[SimulatorOps.ServerGet].ErrorStatus);
        using var unknown = await http.PutAsync("faults/nova.nothing", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(404, (int)unknown.StatusCode);
        using var quotas = await http.PutAsync("quotas",
            new StringContent("""{"instances": 1, "cores": 2, "ramMiB": 1024, "volumes": 3, "gigabytes": 4}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(new SimulatorQuotas(1, 2, 1024, 3, 4), _env.Admin.Quotas);
        using var modes = await http.PutAsync("modes", new StringContent("""{"noValidHost": true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(_env.Admin.Modes.NoValidHost);
        using var revoke = await http.PostAsync("tokens/revoke", null);
        Assert.Equal(204, (int)revoke.StatusCode);
        using var clear = await http.DeleteAsync("faults");
        Assert.Empty(_env.Admin.Faults);
    }
}
