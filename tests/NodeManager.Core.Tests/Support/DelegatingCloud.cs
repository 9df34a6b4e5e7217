using NodeManager.Core.Cloud;

namespace NodeManager.Core.Tests.Support;

/// <summary>A cloud that passes every call to <c>inner</c>; a spec overrides the one answer it wants to differ.</summary>
internal class DelegatingCloud(ICloud inner) : ICloud
{
    public virtual bool SupportsDns => inner.SupportsDns;

    public virtual Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => inner.GetLimitsAsync(cancellationToken);

    public virtual Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => inner.FindServerAsync(name, cancellationToken);

    public virtual Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => inner.GetServerAsync(serverId, cancellationToken);

    public virtual Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) => inner.CreateServerAsync(spec, cancellationToken);

    public virtual Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => inner.DeleteServerAsync(serverId, cancellationToken);

    public virtual Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => inner.FindVolumeAsync(name, cancellationToken);

    public virtual Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => inner.GetVolumeAsync(volumeId, cancellationToken);

    public virtual Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => inner.CreateVolumeAsync(spec, cancellationToken);

    public virtual Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) =>
        inner.AttachVolumeAsync(serverId, volumeId, device, cancellationToken);

    public virtual Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => inner.DeleteVolumeAsync(volumeId, cancellationToken);

    public virtual Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        inner.ListServersAsync(metadata, cancellationToken);

    public virtual Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        inner.ListVolumesAsync(metadata, cancellationToken);

    public virtual Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) => inner.EnsureDnsRecordAsync(record, cancellationToken);

    public virtual Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) =>
        inner.DeleteDnsRecordAsync(zone, name, type, cancellationToken);
}
