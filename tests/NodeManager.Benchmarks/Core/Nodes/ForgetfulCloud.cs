using NodeManager.Core.Cloud;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Every server exists and is ACTIVE the moment it is asked for, and nothing is stored: the memory suite counts the
/// controller's bytes, not a simulator's.
/// </summary>
internal class ForgetfulCloud : ICloud
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public bool SupportsDns => false;

    public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => Task.FromResult<CloudServer?>(null);

    public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => Task.FromResult<CloudServer?>(Server(serverId));

    public virtual Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) => Task.FromResult(Server(spec.Name));

    public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => Task.FromResult<CloudVolume?>(null);

    public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.FromResult<CloudVolume?>(null);

    public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the benchmark profile has no volume");

    public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(CloudLimits.Unlimited);

    public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudServer>>([]);

    public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudVolume>>([]);

    public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the benchmark cloud has no DNS");

    public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the benchmark cloud has no DNS");

    private static CloudServer Server(string id) => new(id, id, CloudServerStatus.Active, "ACTIVE", NoMetadata, []);
}
