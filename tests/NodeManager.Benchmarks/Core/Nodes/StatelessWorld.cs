using NodeManager.Actors.Persistence;
using NodeManager.Core.Cloud;
using NodeManager.Core.Platform;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// A journal and a cloud that keep nothing, so that the memory a measurement retains is the node actors' own
/// (an in-memory journal and simulated cloud would add every event and server to the count).
/// </summary>
internal sealed class ForgetfulJournal : IJournal
{
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Exception?>>(new Exception?[writes.Count]);

    public async IAsyncEnumerable<PersistentRepr> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Every server exists and is ACTIVE the moment it is asked for; nothing is stored.</summary>
internal sealed class ForgetfulCloud : ICloud
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public bool SupportsDns => false;

    public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => Task.FromResult<CloudServer?>(null);

    public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => Task.FromResult<CloudServer?>(Server(serverId));

    public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) => Task.FromResult(Server(spec.Name));

    public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => Task.FromResult<CloudVolume?>(null);

    public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.FromResult<CloudVolume?>(null);

    public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(CloudLimits.Unlimited);

    public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudServer>>([]);

    public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudVolume>>([]);

    public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) => throw new NotSupportedException();

    private static CloudServer Server(string id) => new(id, id, CloudServerStatus.Active, "ACTIVE", NoMetadata, []);
}

/// <summary>A platform that accepts every operation at once and holds no gears; nodes are ready when <c>ready</c>.</summary>
internal sealed class ForgetfulPlatform(bool ready) : IPlatform
{
    public Task AddNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> IsNodeReadyAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult(ready);

    public Task DeactivateNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListGearsAsync(PlatformNode node, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task MoveGearAsync(PlatformNode node, string gear, string targetHost, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveNodeAsync(PlatformNode node, CancellationToken cancellationToken) => Task.CompletedTask;
}
