using NodeManager.Core.Cloud;

namespace NodeManager.Core.Fencing;

/// <summary>
/// The cloud as one district may change it: every mutation (create or delete a server or volume, attach, DNS) first
/// asks the district's fence and, when it is lost, fails with <see cref="FenceLostException"/> without calling the
/// cloud. Reads pass through unchecked: they change nothing, and a district that lost its fence still needs none.
/// Wrapping the cloud once per district means no step can forget the check.
/// </summary>
public sealed class FencedCloud(ICloud inner, string district, IDistrictFence fence) : ICloud
{
    public bool SupportsDns => inner.SupportsDns;

    public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) =>
        inner.FindServerAsync(name, cancellationToken);

    public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) =>
        inner.GetServerAsync(serverId, cancellationToken);

    public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) =>
        Fenced<CloudServer>($"create server {spec.Name}") ?? inner.CreateServerAsync(spec, cancellationToken);

    public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) =>
        Fenced<bool>($"delete server {serverId}") ?? inner.DeleteServerAsync(serverId, cancellationToken);

    public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) =>
        inner.FindVolumeAsync(name, cancellationToken);

    public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        inner.GetVolumeAsync(volumeId, cancellationToken);

    public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) =>
        Fenced<CloudVolume>($"create volume {spec.Name}") ?? inner.CreateVolumeAsync(spec, cancellationToken);

    public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) =>
        Fenced<bool>($"attach volume {volumeId} to server {serverId}") ?? inner.AttachVolumeAsync(serverId, volumeId, device, cancellationToken);

    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        Fenced<bool>($"delete volume {volumeId}") ?? inner.DeleteVolumeAsync(volumeId, cancellationToken);

    public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => inner.GetLimitsAsync(cancellationToken);

    public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        inner.ListServersAsync(metadata, cancellationToken);

    public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        inner.ListVolumesAsync(metadata, cancellationToken);

    public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) =>
        Fenced<bool>($"ensure DNS record {record.Name}") ?? inner.EnsureDnsRecordAsync(record, cancellationToken);

    public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) =>
        Fenced<bool>($"delete DNS record {name}") ?? inner.DeleteDnsRecordAsync(zone, name, type, cancellationToken);

    // A faulted task rather than a throw, so that callers that pipe the task to an actor see the refusal as a failure.
    private Task<T>? Fenced<T>(string operation) =>
        fence.Check() is { Held: false } lost ? Task.FromException<T>(new FenceLostException(district, operation, lost.Reason)) : null;
}
