using NodeManager.Core.Cloud;
using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Errors;

namespace NodeManager.OpenStack.Cloud;

/// <summary>
/// <see cref="ICloud"/> on OpenStack: names are the idempotency keys (look up before create, adopt what exists;
/// deleting something already gone succeeds), nothing waits for a state, and every client error becomes the
/// matching <see cref="CloudException"/> (see <see cref="CloudErrorMapper"/>).
/// </summary>
public sealed class OpenStackCloud(OpenStackClient client) : ICloud
{
    /// <summary>Designate's own default TTL, used when a record spec names none.</summary>
    private const int DefaultDnsTtlSeconds = 3600;

    public OpenStackClient Client => client;

    public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) =>
        Run($"find server {name}", async () =>
        {
            var servers = await client.Compute.ListServersByNameAsync(name, cancellationToken).ConfigureAwait(false);
            return servers.OrderBy(s => s.Created ?? DateTimeOffset.MaxValue).Select(CloudMapping.Server).FirstOrDefault();
        });

    public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) =>
        Run($"get server {serverId}", async () =>
            await NotFoundAs.Null(client.Compute.GetServerAsync(serverId, cancellationToken)).ConfigureAwait(false) is { } server
                ? CloudMapping.Server(server)
                : null);

    public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) =>
        Run($"create server {spec.Name}", async () =>
        {
            var existing = await FindServerAsync(spec.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return existing;
            var id = await client.Compute.CreateServerAsync(new ServerCreateSpec
            {
                Name = spec.Name,
                Image = spec.Image,
                Flavor = spec.Flavor,
                KeyName = spec.KeyName,
                Networks = spec.Networks ?? [],
                SecurityGroups = spec.SecurityGroups ?? [],
                AvailabilityZone = spec.AvailabilityZone,
                Metadata = spec.Metadata,
                UserData = spec.UserData,
            }, cancellationToken).ConfigureAwait(false);
            try
            {
                return CloudMapping.Server(await client.Compute.GetServerAsync(id, cancellationToken).ConfigureAwait(false));
            }
            catch (NotFoundException)
            {
                // Accepted but not yet visible (or already reaped): report what we asked for; the caller polls by id.
                return new CloudServer(id, spec.Name, CloudServerStatus.Building, "BUILD", spec.Metadata, []);
            }
        });

    public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) =>
        Run($"delete server {serverId}", () => client.Compute.DeleteServerAsync(serverId, cancellationToken));

    public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) =>
        Run($"find volume {name}", async () =>
        {
            var volumes = await client.BlockStorage.ListVolumesByNameAsync(name, cancellationToken).ConfigureAwait(false);
            return volumes.OrderBy(v => v.Created ?? DateTimeOffset.MaxValue).Select(CloudMapping.Volume).FirstOrDefault();
        });

    public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        Run($"get volume {volumeId}", async () =>
            await NotFoundAs.Null(client.BlockStorage.GetVolumeAsync(volumeId, cancellationToken)).ConfigureAwait(false) is { } volume
                ? CloudMapping.Volume(volume)
                : null);

    public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) =>
        Run($"create volume {spec.Name}", async () =>
        {
            var existing = await FindVolumeAsync(spec.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return existing;
            var created = await client.BlockStorage.CreateVolumeAsync(new VolumeCreateSpec
            {
                Name = spec.Name,
                SizeGiB = spec.SizeGb,
                VolumeType = spec.VolumeType,
                AvailabilityZone = spec.AvailabilityZone,
                Metadata = spec.Metadata,
            }, cancellationToken).ConfigureAwait(false);
            return CloudMapping.Volume(created);
        });

    public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) =>
        Run($"attach volume {volumeId} to server {serverId}", async () =>
        {
            var volume = await client.BlockStorage.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
            if (volume.Attachments.Any(a => a.ServerId == serverId)) return;
            if (volume.Attachments.Count > 0)
                throw new CloudConflictException($"attach volume {volumeId} to server {serverId}",
                    $"volume is attached to server {volume.Attachments[0].ServerId}");
            try
            {
                await client.Compute.AttachVolumeAsync(serverId, volumeId, device, cancellationToken).ConfigureAwait(false);
            }
            catch (BadRequestException e)
            {
                // Nova answers 400 "Invalid volume: … status must be 'available'" for a volume that is not ready yet.
                throw new ConflictException(e.Call, e.CloudMessage, e.RequestId);
            }
        });

    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        Run($"delete volume {volumeId}", async () =>
        {
            try
            {
                await client.BlockStorage.DeleteVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
            }
            catch (BadRequestException e) when (e.Status == 400)
            {
                // Cinder refuses to delete an attached volume with 400 "Invalid volume: …": a conflict the caller retries.
                throw new ConflictException(e.Call, e.CloudMessage, e.RequestId);
            }
        });

    public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) =>
        Run("get limits", async () =>
        {
            var compute = client.Compute.GetLimitsAsync(cancellationToken);
            var volume = client.BlockStorage.GetLimitsAsync(cancellationToken);
            var (c, v) = (await compute.ConfigureAwait(false), await volume.ConfigureAwait(false));
            return new CloudLimits(
                new QuotaUsage(c.MaxInstances, c.InstancesUsed),
                new QuotaUsage(c.MaxCores, c.CoresUsed),
                new QuotaUsage(c.MaxRamMiB, c.RamUsedMiB),
                new QuotaUsage(v.MaxVolumes, v.VolumesUsed),
                new QuotaUsage(v.MaxGigabytes, v.GigabytesUsed));
        });

    public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Run("list servers by metadata", async () =>
            (IReadOnlyList<CloudServer>)(await client.Compute.ListServersByMetadataAsync(metadata, cancellationToken).ConfigureAwait(false))
                .Select(CloudMapping.Server).ToList());

    public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Run("list volumes by metadata", async () =>
            (IReadOnlyList<CloudVolume>)(await client.BlockStorage.ListVolumesByMetadataAsync(metadata, cancellationToken).ConfigureAwait(false))
                .Select(CloudMapping.Volume).ToList());

    public bool SupportsDns => client.Settings.DnsEnabled;

    public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) =>
        Run($"ensure dns {record.Type} {record.Name}", async () =>
        {
            RequireDns();
            var zone = await client.Dns.FindZoneAsync(record.Zone, cancellationToken).ConfigureAwait(false)
                ?? throw new CloudNotFoundException($"ensure dns {record.Type} {record.Name}", $"zone {record.Zone} does not exist");
            var existing = await client.Dns.FindRecordsetsAsync(zone.Id, record.Name, record.Type, cancellationToken).ConfigureAwait(false);
            var ttl = TimeSpan.FromSeconds(record.TtlSeconds ?? DefaultDnsTtlSeconds);
            if (existing.Count == 0)
                await client.Dns.CreateARecordsetAsync(zone.Id, record.Name, record.Records, ttl, "NodeManager node host", cancellationToken).ConfigureAwait(false);
            else if (!existing[0].Records.Order().SequenceEqual(record.Records.Order()))
                await client.Dns.UpdateRecordsAsync(zone.Id, existing[0].Id, record.Records, cancellationToken).ConfigureAwait(false);
        });

    public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) =>
        Run($"delete dns {type} {name}", async () =>
        {
            RequireDns();
            var found = await client.Dns.FindZoneAsync(zone, cancellationToken).ConfigureAwait(false);
            if (found is null) return;
            foreach (var recordset in await client.Dns.FindRecordsetsAsync(found.Id, name, type, cancellationToken).ConfigureAwait(false))
                await client.Dns.DeleteRecordsetAsync(found.Id, recordset.Id, cancellationToken).ConfigureAwait(false);
        });

    private void RequireDns()
    {
        if (!SupportsDns) throw new NotSupportedException("DNS is disabled (node-manager.openstack.dns.enabled = off)");
    }

    private static async Task Run(string operation, Func<Task> call) =>
        await Run(operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private static async Task<T> Run<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (CloudErrorMapper.Map(operation, e) is { } mapped)
        {
            throw mapped;
        }
    }
}
