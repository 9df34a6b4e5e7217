using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>Each typed error, provoked on the simulator, carries the call, the status, the cloud's message and the request id.</summary>
public sealed class TypedErrorsSpec
{
    private static ServerCreateSpec Server(string name, string flavor = "m1.tiny") => new() { Name = name, Image = "node-host", Flavor = flavor };

    private static void AssertCarriesTheCall(OpenStackException e, string method, string pathEnd, int status)
    {
        Assert.StartsWith(method + " /", e.Call);
        Assert.EndsWith(pathEnd, e.Call);
        Assert.Equal(status, e.Status);
        Assert.StartsWith("req-", e.RequestId);
        Assert.Contains(e.RequestId!, e.Message);
    }

    [Theory]
    [InlineData("instances", 1, 20, 51200, "m1.tiny")]
    [InlineData("cores", 10, 1, 51200, "m1.medium")]
    [InlineData("ram", 10, 20, 1024, "m1.small")]
    public async Task Nova_quota_must_raise_QuotaExceeded_naming_the_resource(string resource, int instances, int cores, int ram, string flavor)
    {
        await using var env = await CloudEnv.StartAsync(o => o with { Quotas = new SimulatorQuotas(instances, cores, ram) });
        if (resource == "instances") await env.Client.Compute.CreateServerAsync(Server("first"));
        var e = await Assert.ThrowsAsync<QuotaExceededException>(() => env.Client.Compute.CreateServerAsync(Server("over", flavor)));
        Assert.Equal(resource, e.Resource);
        AssertCarriesTheCall(e, "POST", "/servers", 403);
        Assert.StartsWith($"Quota exceeded for {resource}: Requested", e.CloudMessage);
    }

    [Theory]
    [InlineData("volumes", 1, 1000, 1)]
    [InlineData("gigabytes", 10, 5, 10)]
    public async Task Cinder_quota_must_raise_QuotaExceeded_naming_the_resource_and_not_be_retried(string resource, int volumes, int gigabytes, int size)
    {
        await using var env = await CloudEnv.StartAsync(o => o with { Quotas = new SimulatorQuotas(Volumes: volumes, Gigabytes: gigabytes) },
            s => s with { MaxRetries = 3 });
        if (resource == "volumes") await env.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "first", SizeGiB = 1 });
        var e = await Assert.ThrowsAsync<QuotaExceededException>(() => env.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "over", SizeGiB = size }));
        Assert.Equal(resource, e.Resource);
        AssertCarriesTheCall(e, "POST", "/volumes", 413);
        Assert.Equal(resource == "volumes" ? 2 : 1, env.Admin.Calls(SimulatorOps.VolumeCreate));
    }

    [Fact]
    public async Task Missing_server_must_raise_NotFound_with_novas_message()
    {
        await using var env = await CloudEnv.StartAsync();
        var e = await Assert.ThrowsAsync<NotFoundException>(() => env.Client.Compute.GetServerAsync("0e44cc9c-e052-415d-afbf-469b0d384170"));
        Assert.Equal("Instance 0e44cc9c-e052-415d-afbf-469b0d384170 could not be found.", e.CloudMessage);
        AssertCarriesTheCall(e, "GET", "/servers/0e44cc9c-e052-415d-afbf-469b0d384170", 404);
    }

    [Fact]
    public async Task Attaching_to_a_building_server_must_raise_Conflict()
    {
        await using var env = await CloudEnv.StartAsync();
        var serverId = await env.Client.Compute.CreateServerAsync(Server("s"));
        var volume = await env.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "v", SizeGiB = 1 });
        var e = await Assert.ThrowsAsync<ConflictException>(() => env.Client.Compute.AttachVolumeAsync(serverId, volume.Id));
        Assert.Equal($"Cannot 'attach_volume' instance {serverId} while it is in vm_state building", e.CloudMessage);
        AssertCarriesTheCall(e, "POST", "/os-volume_attachments", 409);
    }

    [Fact]
    public async Task Deleting_an_attached_volume_must_raise_BadRequest_with_cinders_message()
    {
        await using var env = await CloudEnv.StartAsync();
        var serverId = await env.Client.Compute.CreateServerAsync(Server("s"));
        var volume = await env.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "v", SizeGiB = 1 });
        env.Clock.Advance(env.Simulator.Options.BootDelay);
        await env.Client.Compute.AttachVolumeAsync(serverId, volume.Id);
        var e = await Assert.ThrowsAsync<BadRequestException>(() => env.Client.BlockStorage.DeleteVolumeAsync(volume.Id));
        Assert.StartsWith("Invalid volume: Volume status must be available", e.CloudMessage);
        AssertCarriesTheCall(e, "DELETE", "/volumes/" + volume.Id, 400);
    }

    [Fact]
    public async Task Wrong_password_must_raise_Unauthorized_with_keystones_message_and_never_echo_the_password()
    {
        await using var env = await CloudEnv.StartAsync(credentials: c => c with { Password = "wrong-secret" });
        var e = await Assert.ThrowsAsync<UnauthorizedException>(() => env.Client.Compute.GetLimitsAsync());
        Assert.Equal("The request you have made requires authentication.", e.CloudMessage);
        Assert.Equal("POST /identity/v3/auth/tokens", e.Call);
        Assert.DoesNotContain("wrong-secret", e.ToString());
        Assert.Equal(1, env.Admin.Calls(SimulatorOps.Authenticate));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_side_failure_must_raise_ServerFault(int status)
    {
        await using var env = await CloudEnv.StartAsync();
        env.Admin.SetFault(SimulatorOps.ComputeLimits, new FaultSpec { FailNext = 1, ErrorStatus = status });
        var e = await Assert.ThrowsAsync<ServerFaultException>(() => env.Client.Compute.GetLimitsAsync());
        AssertCarriesTheCall(e, "GET", "/limits", status);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Rate_limit_must_raise_RateLimited_with_the_retry_after_when_retries_are_off()
    {
        await using var env = await CloudEnv.StartAsync();
        env.Admin.SetFault(SimulatorOps.ServerList, new FaultSpec { FailNext = 1, ErrorStatus = 429, RetryAfterSeconds = 9 });
        var e = await Assert.ThrowsAsync<RateLimitedException>(() => env.Client.Compute.ListServersByNameAsync("x"));
        Assert.Equal(TimeSpan.FromSeconds(9), e.RetryAfter);
        AssertCarriesTheCall(e, "GET", "/servers/detail", 429);
    }

    [Fact]
    public async Task No_valid_host_mode_must_put_new_servers_in_ERROR_with_the_real_fault()
    {
        await using var env = await CloudEnv.StartAsync();
        env.Admin.Modes = new SimulatorModes(NoValidHost: true);
        var id = await env.Client.Compute.CreateServerAsync(Server("s"));
        env.Clock.Advance(env.Simulator.Options.BootDelay);
        var server = await env.Client.Compute.GetServerAsync(id);
        Assert.True(server.IsError);
        Assert.True(server.IsNoValidHost);
        Assert.Equal(500, server.Fault!.Code);
        Assert.Equal("No valid host was found. There are not enough hosts available.", server.Fault.Message);
    }

    [Fact]
    public async Task Never_boots_and_volume_error_modes_must_hold_servers_in_BUILD_and_fail_volumes()
    {
        await using var env = await CloudEnv.StartAsync();
        env.Admin.Modes = new SimulatorModes(NeverBoots: true, VolumeError: true);
        var id = await env.Client.Compute.CreateServerAsync(Server("s"));
        var volume = await env.Client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec { Name = "v", SizeGiB = 1 });
        env.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("BUILD", (await env.Client.Compute.GetServerAsync(id)).Status);
        Assert.True((await env.Client.BlockStorage.GetVolumeAsync(volume.Id)).IsError);
    }

    [Fact]
    public async Task A_cloud_without_dns_must_raise_a_catalog_error_naming_what_it_offers()
    {
        await using var env = await CloudEnv.StartAsync(o => o with { IncludeDns = false });
        var e = await Assert.ThrowsAsync<CatalogException>(() => env.Client.Dns.FindZoneAsync("example.com"));
        Assert.Contains("service type dns, interface public", e.Message);
        Assert.Contains("compute (public @RegionOne, internal @RegionOne, admin @RegionOne)", e.Message);
    }

    [Fact]
    public async Task A_region_the_catalog_lacks_must_raise_a_catalog_error_naming_the_region()
    {
        await using var env = await CloudEnv.StartAsync(credentials: c => c with { RegionName = "Nowhere" });
        var e = await Assert.ThrowsAsync<CatalogException>(() => env.Client.Compute.GetLimitsAsync());
        Assert.Contains("service type compute, interface public, region Nowhere", e.Message);
    }
}
