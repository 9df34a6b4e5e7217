using NodeManager.Core.Cloud;
using NodeManager.OpenStack.Cloud;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Cloud;

/// <summary>ICloud on the simulator: idempotent by name, never waiting, errors in Core's family.</summary>
public sealed class OpenStackCloudSpec : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, string> Meta = CloudMetadata.For("test", "d1", "d1-1");
    private CloudEnv _env = null!;
    private OpenStackCloud _cloud = null!;
    private readonly CancellationToken _ct = CancellationToken.None;

    public async Task InitializeAsync()
    {
        _env = await CloudEnv.StartAsync(settings: s => s with { DnsEnabled = true });
        _cloud = new OpenStackCloud(_env.Client);
    }

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private static ServerSpec Server(string name = "d1_1") => new(name, "node-host", "m1.small", Meta, SecurityGroups: ["default"]);

    private async Task<(CloudServer Server, CloudVolume Volume)> ActiveServerAndAvailableVolumeAsync()
    {
        var server = await _cloud.CreateServerAsync(Server(), _ct);
        var volume = await _cloud.CreateVolumeAsync(new VolumeSpec("d1-1.example.com", 10, Meta), _ct);
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        return (server, volume);
    }

    [Fact]
    public async Task Create_server_must_adopt_the_server_that_already_has_the_name()
    {
        Assert.Null(await _cloud.FindServerAsync("d1_1", _ct));
        var first = await _cloud.CreateServerAsync(Server(), _ct);
        Assert.Equal((CloudServerStatus.Building, "BUILD"), (first.Status, first.RawStatus));
        var again = await _cloud.CreateServerAsync(Server(), _ct);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(_env.Admin.Servers());
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        var active = await _cloud.GetServerAsync(first.Id, _ct);
        Assert.Equal(CloudServerStatus.Active, active!.Status);
        Assert.NotEmpty(active.Addresses);
        Assert.Equal("d1-1", active.Metadata[CloudMetadata.Node]);
    }

    [Fact]
    public async Task Deleting_a_server_must_be_idempotent_and_a_gone_server_must_read_as_null()
    {
        var server = await _cloud.CreateServerAsync(Server(), _ct);
        await _cloud.DeleteServerAsync(server.Id, _ct);
        Assert.Equal(CloudServerStatus.Deleting, (await _cloud.GetServerAsync(server.Id, _ct))!.Status);
        _env.Clock.Advance(_env.Simulator.Options.DeleteDelay);
        Assert.Null(await _cloud.GetServerAsync(server.Id, _ct));
        await _cloud.DeleteServerAsync(server.Id, _ct);
    }

    [Fact]
    public async Task Quota_must_map_to_CloudQuotaExceeded_naming_the_resource_the_operation_and_the_request()
    {
        _env.Admin.Quotas = new SimulatorQuotas(Instances: 0);
        var e = await Assert.ThrowsAsync<CloudQuotaExceededException>(() => _cloud.CreateServerAsync(Server(), _ct));
        Assert.Equal("instances", e.Resource);
        Assert.StartsWith("create server d1_1 [POST /compute/v2.1/", e.Call);
        Assert.Contains("request req-", e.Call);
        Assert.StartsWith("Quota exceeded for instances", e.CloudMessage);
    }

    [Fact]
    public async Task No_valid_host_must_surface_as_an_ERROR_server_with_the_fault()
    {
        _env.Admin.Modes = new SimulatorModes(NoValidHost: true);
        var server = await _cloud.CreateServerAsync(Server(), _ct);
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        var failed = await _cloud.GetServerAsync(server.Id, _ct);
        Assert.Equal(CloudServerStatus.Error, failed!.Status);
        Assert.StartsWith("No valid host was found", failed.Fault);
    }

    [Fact]
    public void No_valid_host_in_an_error_answer_must_map_to_CloudNoValidHost()
    {
        var error = new Errors.BadRequestException("POST /servers", 400, "No valid host was found. ", "req-1");
        Assert.IsType<CloudNoValidHostException>(CloudErrorMapper.Map("create server x", error));
    }

    [Fact]
    public async Task Transient_failures_must_map_to_the_transient_family()
    {
        _env.Admin.SetFault(SimulatorOps.ServerGet, new FaultSpec { FailNext = 1, ErrorStatus = 503 });
        var fault = await Assert.ThrowsAsync<CloudServerFaultException>(() => _cloud.GetServerAsync("x", _ct));
        Assert.True(fault.IsTransient);
        Assert.Equal(503, fault.StatusCode);
        _env.Admin.SetFault(SimulatorOps.ServerGet, new FaultSpec { FailNext = 1, ErrorStatus = 429, RetryAfterSeconds = 4 });
        var limited = await Assert.ThrowsAsync<CloudRateLimitedException>(() => _cloud.GetServerAsync("x", _ct));
        Assert.Equal(TimeSpan.FromSeconds(4), limited.RetryAfter);
    }

    [Fact]
    public async Task A_hung_call_must_map_to_CloudTimeout()
    {
        using var client = _env.NewClient(CloudEnv.QuietSettings with { CallTimeout = TimeSpan.FromSeconds(5) });
        var cloud = new OpenStackCloud(client);
        await client.AuthenticateAsync();
        _env.Admin.SetFault(SimulatorOps.ServerList, new FaultSpec { Hang = true });
        var call = cloud.FindServerAsync("d1_1", _ct);
        await _env.Admin.WhenCalls(SimulatorOps.ServerList, 1);
        await _env.Clock.WhenTimer(d => d == TimeSpan.FromSeconds(5));
        _env.Clock.Advance(TimeSpan.FromSeconds(5));
        var e = await Assert.ThrowsAsync<CloudTimeoutException>(() => call);
        Assert.StartsWith("find server d1_1 [GET ", e.Call);
    }

    [Fact]
    public async Task Volumes_must_be_adopted_by_name_and_attached_idempotently()
    {
        var (server, volume) = await ActiveServerAndAvailableVolumeAsync();
        Assert.Equal(volume.Id, (await _cloud.CreateVolumeAsync(new VolumeSpec("d1-1.example.com", 10, Meta), _ct)).Id);
        Assert.Single(_env.Admin.Volumes());
        Assert.Equal(CloudVolumeStatus.Available, (await _cloud.GetVolumeAsync(volume.Id, _ct))!.Status);
        await _cloud.AttachVolumeAsync(server.Id, volume.Id, "/dev/vdb", _ct);
        await _cloud.AttachVolumeAsync(server.Id, volume.Id, "/dev/vdb", _ct);
        Assert.Equal(1, _env.Admin.Calls(SimulatorOps.AttachmentCreate));
        _env.Clock.Advance(_env.Simulator.Options.AttachDelay);
        var attached = await _cloud.FindVolumeAsync("d1-1.example.com", _ct);
        Assert.Equal((CloudVolumeStatus.InUse, server.Id, "/dev/vdb"), (attached!.Status, attached.AttachedTo, attached.Device));
    }

    [Fact]
    public async Task Attaching_a_volume_that_is_elsewhere_or_not_ready_must_be_a_conflict()
    {
        var (server, volume) = await ActiveServerAndAvailableVolumeAsync();
        var other = await _cloud.CreateServerAsync(Server("d1_2"), _ct);
        var fresh = await _cloud.CreateVolumeAsync(new VolumeSpec("fresh", 1, Meta), _ct);
        _env.Clock.Advance(_env.Simulator.Options.BootDelay);
        await _cloud.AttachVolumeAsync(server.Id, volume.Id, null, _ct);
        var elsewhere = await Assert.ThrowsAsync<CloudConflictException>(() => _cloud.AttachVolumeAsync(other.Id, volume.Id, null, _ct));
        Assert.Contains(server.Id, elsewhere.CloudMessage);
        await _cloud.DeleteVolumeAsync(fresh.Id, _ct);
        var notReady = await Assert.ThrowsAsync<CloudConflictException>(() => _cloud.AttachVolumeAsync(other.Id, fresh.Id, null, _ct));
        Assert.Contains("deleting", notReady.CloudMessage);
    }

    [Fact]
    public async Task Deleting_an_attached_volume_must_be_a_conflict_and_deleting_a_gone_one_must_succeed()
    {
        var (server, volume) = await ActiveServerAndAvailableVolumeAsync();
        await _cloud.AttachVolumeAsync(server.Id, volume.Id, null, _ct);
        await Assert.ThrowsAsync<CloudConflictException>(() => _cloud.DeleteVolumeAsync(volume.Id, _ct));
        await _cloud.DeleteServerAsync(server.Id, _ct);
        _env.Clock.Advance(_env.Simulator.Options.DeleteDelay);
        await _cloud.DeleteVolumeAsync(volume.Id, _ct);
        _env.Clock.Advance(_env.Simulator.Options.DeleteDelay);
        Assert.Null(await _cloud.GetVolumeAsync(volume.Id, _ct));
        await _cloud.DeleteVolumeAsync(volume.Id, _ct);
        Assert.Empty(_env.Admin.Volumes());
        Assert.Empty(_env.Admin.Servers());
    }

    [Fact]
    public async Task Limits_and_metadata_listings_must_reflect_the_cloud()
    {
        await ActiveServerAndAvailableVolumeAsync();
        await _cloud.CreateServerAsync(new ServerSpec("foreign", "node-host", "m1.tiny", CloudMetadata.ForCluster("other")), _ct);
        var limits = await _cloud.GetLimitsAsync(_ct);
        Assert.Equal(new QuotaUsage(10, 2), limits.Instances);
        Assert.Equal(new QuotaUsage(20, 2), limits.Cores);
        Assert.Equal(new QuotaUsage(51200, 2560), limits.RamMb);
        Assert.Equal(new QuotaUsage(10, 1), limits.Volumes);
        Assert.Equal(new QuotaUsage(1000, 10), limits.VolumeGigabytes);
        Assert.Equal(["d1_1"], (await _cloud.ListServersAsync(CloudMetadata.ForCluster("test"), _ct)).Select(s => s.Name));
        Assert.Equal(["d1-1.example.com"], (await _cloud.ListVolumesAsync(CloudMetadata.ForCluster("test"), _ct)).Select(v => v.Name));
    }

    [Fact]
    public async Task Dns_records_must_be_ensured_and_deleted_idempotently()
    {
        Assert.True(_cloud.SupportsDns);
        var record = new DnsRecordSpec("example.com.", "d1-1.example.com.", "A", ["10.0.0.1"], 300);
        await _cloud.EnsureDnsRecordAsync(record, _ct);
        await _cloud.EnsureDnsRecordAsync(record, _ct);
        Assert.Equal(1, _env.Admin.Calls(SimulatorOps.RecordsetCreate));
        await _cloud.EnsureDnsRecordAsync(record with { Records = ["10.0.0.2"] }, _ct);
        Assert.Equal(["10.0.0.2"], Assert.Single(_env.Admin.Recordsets()).Records);
        await _cloud.DeleteDnsRecordAsync("example.com.", "d1-1.example.com.", "A", _ct);
        await _cloud.DeleteDnsRecordAsync("example.com.", "d1-1.example.com.", "A", _ct);
        Assert.Empty(_env.Admin.Recordsets());
        await Assert.ThrowsAsync<CloudNotFoundException>(() => _cloud.EnsureDnsRecordAsync(record with { Zone = "example.org." }, _ct));
    }

    [Fact]
    public async Task Dns_must_refuse_when_disabled()
    {
        using var client = _env.NewClient(CloudEnv.QuietSettings with { DnsEnabled = false });
        var cloud = new OpenStackCloud(client);
        Assert.False(cloud.SupportsDns);
        await Assert.ThrowsAsync<NotSupportedException>(() => cloud.DeleteDnsRecordAsync("example.com.", "x.example.com.", "A", _ct));
    }
}
