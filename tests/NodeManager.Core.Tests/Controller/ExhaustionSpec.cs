using NodeManager.Core.Cloud;
using NodeManager.Core.Scaling;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

public sealed class ExhaustionSpec : ControllerSpecBase
{
    [Fact]
    public void Quota_reached_mid_scale_up_must_abort_launches_back_off_show_the_condition_and_recover_when_raised()
    {
        // A cloud that cannot report limits: the quota is only discovered when a create is refused.
        World.Cloud.Options.InstanceQuota = 2;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 600));
        StartController(new UnknownLimitsCloud(World.Cloud), paas);

        AdvanceUntil(() => NodesIn(NodePhase.Aborted) >= 1, () => $"an aborted launch (nodes: {Describe()})");
        AdvanceUntil(() => District("d1")?.Conditions.Any(c => c.Type == "exhausted") == true, "the exhausted condition");

        var condition = District("d1")!.Conditions.Single(c => c.Type == "exhausted");
        Assert.Contains("Quota exceeded for instances", condition.Message);
        Assert.NotNull(condition.RetryAt);
        Assert.Equal(0, NodesIn(NodePhase.Failed));
        Assert.Equal(2, World.Cloud.Servers.Count);
        Assert.True(Host!.Board.CloudBackoff!.IsActive(Time.GetUtcNow()));

        World.Cloud.Options.InstanceQuota = 6;
        AdvanceUntil(() => World.Cloud.Servers.Count == 6 && District("d1")!.Conditions.All(c => c.Type != "exhausted"),
            () => $"recovery (servers {World.Cloud.Servers.Count}, conditions {string.Join("; ", District("d1")!.Conditions.Select(c => c.Message))})",
            TimeSpan.FromSeconds(2));
        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 6, () => $"six active nodes ({Describe()})");
    }

    [Fact]
    public void Known_quota_must_raise_exhaustion_before_any_launch_is_attempted()
    {
        World.Cloud.Options.InstanceQuota = 1;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 400));
        StartController(paas: paas);

        AdvanceUntil(() => District("d1")?.Conditions.Any(c => c.Type == "exhausted") == true, () => $"exhaustion ({Describe()})");

        Assert.Contains("quota headroom", District("d1")!.Conditions.Single(c => c.Type == "exhausted").Message);
        Assert.Equal(0, NodesIn(NodePhase.Aborted));
        Assert.Single(World.Cloud.Servers);
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));

    /// <summary>Wraps a cloud so that it reports no limits (the quota surfaces as a refused create).</summary>
    private sealed class UnknownLimitsCloud(ICloud inner) : ICloud
    {
        public bool SupportsDns => inner.SupportsDns;

        public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(CloudLimits.Unlimited);

        public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => inner.FindServerAsync(name, cancellationToken);

        public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => inner.GetServerAsync(serverId, cancellationToken);

        public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) => inner.CreateServerAsync(spec, cancellationToken);

        public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => inner.DeleteServerAsync(serverId, cancellationToken);

        public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => inner.FindVolumeAsync(name, cancellationToken);

        public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => inner.GetVolumeAsync(volumeId, cancellationToken);

        public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => inner.CreateVolumeAsync(spec, cancellationToken);

        public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) =>
            inner.AttachVolumeAsync(serverId, volumeId, device, cancellationToken);

        public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => inner.DeleteVolumeAsync(volumeId, cancellationToken);

        public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
            inner.ListServersAsync(metadata, cancellationToken);

        public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
            inner.ListVolumesAsync(metadata, cancellationToken);

        public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) => inner.EnsureDnsRecordAsync(record, cancellationToken);

        public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) =>
            inner.DeleteDnsRecordAsync(zone, name, type, cancellationToken);
    }
}
