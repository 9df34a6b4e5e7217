namespace NodeManager.Core.Cloud;

/// <summary>
/// The cloud as the node actors drive it: servers, volumes, quota, optional DNS, leak detection.
/// The controller never calls an SDK; an implementation (<c>NodeManager.OpenStack.OpenStackCloud</c>, the test
/// fakes) maps its provider to this surface and its failures to the <see cref="CloudException"/> family.
/// </summary>
/// <remarks>
/// Conventions for every member, in the Cluster Autoscaler style:
/// <list type="bullet">
/// <item>No member waits for a resource to settle (a server to become ACTIVE, a volume to become in-use):
/// callers poll with <see cref="GetServerAsync"/> / <see cref="GetVolumeAsync"/> on their own timers, so an actor
/// is never blocked for minutes and a crash never loses a wait.</item>
/// <item>Every failure is a <see cref="CloudException"/> subtype naming the call and carrying the cloud's own message;
/// implementations retry nothing that is not idempotent and leave back-off decisions to the controller.</item>
/// <item>Names are the idempotency keys. The controller journals a name before the call that creates it, and on
/// recovery looks the name up before creating again, so "create" adopts what already exists.</item>
/// <item>Cancellation aborts the wait for the HTTP answer only; a request the cloud has accepted may still take effect,
/// which the name-based adoption covers.</item>
/// </list>
/// </remarks>
public interface ICloud
{
    /// <summary>
    /// Required. The server with exactly this name, or null. Read-only, idempotent, does not wait.
    /// When the cloud holds several servers of that name (created outside NodeManager) the oldest is returned.
    /// </summary>
    Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Required. The server with this id, or null when it is gone (a deleted server is never an error here).
    /// Read-only, idempotent, does not wait.
    /// </summary>
    Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Boots a server, or adopts the existing server named <see cref="ServerSpec.Name"/> and returns it
    /// unchanged (idempotent by name). Returns as soon as the cloud accepted the request (status usually
    /// <see cref="CloudServerStatus.Building"/>); does NOT wait for ACTIVE.
    /// Throws <see cref="CloudQuotaExceededException"/> (instances, cores, ram), <see cref="CloudNoValidHostException"/>
    /// (may also surface later as an ERROR status with that fault), <see cref="CloudNotFoundException"/> (image, flavor,
    /// network unknown), and the transient family.
    /// </summary>
    Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Asks the cloud to delete the server. Idempotent: a server that is already gone (not found) is success.
    /// Does NOT wait for the server to disappear; poll <see cref="GetServerAsync"/> until it returns null.
    /// </summary>
    Task DeleteServerAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Required. The volume with exactly this name, or null (oldest first on duplicates). Read-only, does not wait.</summary>
    Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Required. The volume with this id, or null when it is gone. Read-only, idempotent, does not wait.</summary>
    Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Creates a volume, or adopts the existing volume named <see cref="VolumeSpec.Name"/> (idempotent by name).
    /// Returns once accepted (status usually <see cref="CloudVolumeStatus.Creating"/>); does NOT wait for available.
    /// Throws <see cref="CloudQuotaExceededException"/> (volumes, gigabytes) and the transient family.
    /// </summary>
    Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Attaches an available volume to a server at <paramref name="device"/> (null lets the cloud choose).
    /// Idempotent: a volume already attached to that server is success. Does NOT wait for in-use.
    /// Throws <see cref="CloudConflictException"/> when the volume is attached elsewhere or not yet available.
    /// </summary>
    Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Asks the cloud to delete the volume. Idempotent: an absent volume is success. A volume still attached
    /// to a server that is being deleted raises <see cref="CloudConflictException"/>; the caller retries after the
    /// server is gone. Does NOT wait for the volume to disappear.
    /// </summary>
    Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken);

    /// <summary>
    /// Required. The project's absolute limits and current usage (Nova and Cinder). Read-only, does not wait.
    /// Callers cache it (the controller for <c>scaling.limits-cache-ttl</c>) and invalidate on any quota error.
    /// </summary>
    Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Required. Every server whose metadata contains all the given key/value pairs (e.g.
    /// <c>nodemanager-cluster = prod</c>): the leak detector's view. Read-only, does not wait.
    /// </summary>
    Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Required. Every volume whose metadata contains all the given key/value pairs. Read-only, does not wait.
    /// </summary>
    Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Optional capability: true when <see cref="EnsureDnsRecordAsync"/> and <see cref="DeleteDnsRecordAsync"/> work.</summary>
    bool SupportsDns { get; }

    /// <summary>
    /// Optional (see <see cref="SupportsDns"/>; otherwise throws <see cref="NotSupportedException"/>). Creates the record
    /// set, or replaces its records when it exists (idempotent). Does not wait for the zone to become ACTIVE.
    /// </summary>
    Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken);

    /// <summary>
    /// Optional (see <see cref="SupportsDns"/>). Deletes the record set of that name and type in the zone.
    /// Idempotent: an absent record is success. Does not wait.
    /// </summary>
    Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken);
}
