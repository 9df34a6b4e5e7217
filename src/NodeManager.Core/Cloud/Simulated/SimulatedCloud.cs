namespace NodeManager.Core.Cloud.Simulated;

/// <summary>
/// An in-memory <see cref="ICloud"/> on a <see cref="TimeProvider"/>, in the spirit of Nodepool's fake cloud: servers
/// boot, volumes become available and attach, deletes complete, each after a configurable delay, with patchable
/// quotas and failure knobs. Used by the controller's tests and benchmarks; the demo uses the OpenStack API simulator.
/// It answers as Nova and Cinder do, and as the OpenStack API simulator does: quotas for instances, cores, RAM, volumes
/// and gigabytes refused at create time with the services' messages, limits for all five, and no valid host as a
/// server that goes to ERROR with the scheduler's fault rather than as a refused request.
/// Thread-safe; statuses are computed from the clock on every read, so it needs no timers.
/// </summary>
public sealed partial class SimulatedCloud(TimeProvider time, SimulatedCloudOptions? options = null) : ICloud
{
    /// <summary>Nova's fault on a server its scheduler could not place.</summary>
    public const string NoValidHostFault = "No valid host was found. There are not enough hosts available.";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimServer> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimVolume> _volumes = new(StringComparer.Ordinal);
    // Ids by name in creation order, as Nova and Cinder index names: a look-up by name must not scan every server a
    // long run (or a benchmark of ten thousand nodes) ever created.
    private readonly Dictionary<string, List<string>> _serverIdsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _volumeIdsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Zone, string Name, string Type), DnsRecordSpec> _dns = new();
    private long _nextId;

    public SimulatedCloudOptions Options { get; } = options ?? new SimulatedCloudOptions();

    /// <summary>Every call made, as "verb name" (e.g. "create-server a_1"), for tests that count calls.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock) return [.. _calls];
        }
    }

    private readonly List<string> _calls = [];

    public bool SupportsDns => Options.Dns;

    public Task<CloudServer?> FindServerAsync(string name, CancellationToken cancellationToken) => Run($"find-server {name}", () =>
        ServerNamed(name) is { } server ? View(server) : null);

    public Task<CloudServer?> GetServerAsync(string serverId, CancellationToken cancellationToken) => Run($"get-server {serverId}", () =>
        _servers.TryGetValue(serverId, out var s) && !IsGone(s) ? View(s) : null);

    public Task<CloudServer> CreateServerAsync(ServerSpec spec, CancellationToken cancellationToken) => Run($"create-server {spec.Name}", () =>
    {
        if (ServerNamed(spec.Name) is { } existing)
            return View(existing);
        var call = $"create server {spec.Name}";
        if (!Options.Flavors.TryGetValue(spec.Flavor, out var flavor))
            throw new CloudNotFoundException(call, $"Flavor {spec.Flavor} could not be found.");
        var live = HasServerQuota ? LiveServers() : [];
        CheckQuota(call, "instances", 1, live.Count, Options.InstanceQuota);
        CheckQuota(call, "cores", flavor.Vcpus, live.Sum(s => s.Flavor.Vcpus), Options.CoreQuota);
        CheckQuota(call, "ram", flavor.RamMb, live.Sum(s => s.Flavor.RamMb), Options.RamMbQuota);
        var now = time.GetUtcNow();
        string? fault = null;
        if (Options.NoValidHost) fault = NoValidHostFault;
        else if (Options.FailBoots > 0)
        {
            Options.FailBoots--;
            fault = "Build of instance aborted: simulated boot failure";
        }

        var server = Add(new SimServer($"srv-{Interlocked.Increment(ref _nextId):D6}", spec.Name, spec, flavor, now, now + Options.BootTime, fault, null));
        return View(server);
    });

    public Task DeleteServerAsync(string serverId, CancellationToken cancellationToken) => Run($"delete-server {serverId}", () =>
    {
        if (_servers.TryGetValue(serverId, out var s) && s.DeletedAt is null)
        {
            _servers[serverId] = s with { DeletedAt = time.GetUtcNow() + Options.DeleteTime };
            foreach (var v in _volumes.Values.Where(v => v.AttachedTo == serverId).ToList())
                _volumes[v.Id] = v with { AttachedTo = null, AttachedAt = null };
        }

        return true;
    });

    public Task<CloudVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => Run($"find-volume {name}", () =>
        VolumeNamed(name) is { } volume ? View(volume) : null);

    public Task<CloudVolume?> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) => Run($"get-volume {volumeId}", () =>
        _volumes.TryGetValue(volumeId, out var v) && !IsGone(v) ? View(v) : null);

    public Task<CloudVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => Run($"create-volume {spec.Name}", () =>
    {
        if (VolumeNamed(spec.Name) is { } existing)
            return View(existing);
        var call = $"create volume {spec.Name}";
        var live = HasVolumeQuota ? LiveVolumes() : [];
        if (Options.VolumeQuota >= 0 && live.Count + 1 > Options.VolumeQuota)
            throw new CloudQuotaExceededException(call, "volumes",
                $"VolumeLimitExceeded: Maximum number of volumes allowed ({Options.VolumeQuota}) exceeded for quota 'volumes'.");
        var used = live.Sum(v => v.Spec.SizeGb);
        if (Options.GigabyteQuota >= 0 && used + spec.SizeGb > Options.GigabyteQuota)
            throw new CloudQuotaExceededException(call, "gigabytes",
                $"VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested {spec.SizeGb}G, quota is {Options.GigabyteQuota}G and {used}G has been consumed.");
        var now = time.GetUtcNow();
        var volume = Add(new SimVolume($"vol-{Interlocked.Increment(ref _nextId):D6}", spec.Name, spec, now, now + Options.VolumeCreateTime, null, null, null));
        return View(volume);
    });

    public Task AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken) =>
        Run($"attach-volume {volumeId}", () =>
        {
            var call = $"attach volume {volumeId} to server {serverId}";
            if (!_servers.TryGetValue(serverId, out var server) || IsGone(server))
                throw new CloudNotFoundException(call, $"Instance {serverId} could not be found.");
            if (!_volumes.TryGetValue(volumeId, out var v) || IsGone(v))
                throw new CloudNotFoundException(call, $"Volume {volumeId} could not be found.");
            if (v.AttachedTo == serverId) return true;
            if (v.AttachedTo is not null || time.GetUtcNow() < v.ReadyAt)
                throw new CloudConflictException(call, $"Invalid volume: volume {volumeId} status must be 'available'");
            _volumes[volumeId] = v with { AttachedTo = serverId, AttachedAt = time.GetUtcNow(), Device = device ?? "/dev/vdb" };
            return true;
        });

    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken) => Run($"delete-volume {volumeId}", () =>
    {
        if (!_volumes.TryGetValue(volumeId, out var v) || v.DeletedAt is not null) return true;
        if (v.AttachedTo is not null)
            throw new CloudConflictException($"delete volume {volumeId}", "Invalid volume: Volume status must be available or error, but current status is: in-use.");
        _volumes[volumeId] = v with { DeletedAt = time.GetUtcNow() + Options.DeleteTime };
        return true;
    });

    public Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Run("get-limits", () =>
    {
        if (Options.LimitsUnavailable)
            throw new CloudServerFaultException("get limits", "503 Service Unavailable (simulated)", 503);
        var servers = LiveServers();
        var volumes = LiveVolumes();
        return new CloudLimits(
            new QuotaUsage(Options.InstanceQuota, servers.Count),
            new QuotaUsage(Options.CoreQuota, servers.Sum(s => s.Flavor.Vcpus)),
            new QuotaUsage(Options.RamMbQuota, servers.Sum(s => s.Flavor.RamMb)),
            new QuotaUsage(Options.VolumeQuota, volumes.Count),
            new QuotaUsage(Options.GigabyteQuota, volumes.Sum(v => v.Spec.SizeGb)));
    });

    public Task<IReadOnlyList<CloudServer>> ListServersAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Run("list-servers", () => (IReadOnlyList<CloudServer>)_servers.Values
            .Where(s => !IsGone(s) && Matches(s.Spec.Metadata, metadata)).OrderBy(s => s.Created).Select(View).ToList());

    public Task<IReadOnlyList<CloudVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Run("list-volumes", () => (IReadOnlyList<CloudVolume>)_volumes.Values
            .Where(v => !IsGone(v) && Matches(v.Spec.Metadata, metadata)).OrderBy(v => v.Created).Select(View).ToList());

    public Task EnsureDnsRecordAsync(DnsRecordSpec record, CancellationToken cancellationToken) => Run($"ensure-dns {record.Name}", () =>
    {
        RequireDns();
        _dns[(record.Zone, record.Name, record.Type)] = record;
        return true;
    });

    public Task DeleteDnsRecordAsync(string zone, string name, string type, CancellationToken cancellationToken) => Run($"delete-dns {name}", () =>
    {
        RequireDns();
        _dns.Remove((zone, name, type));
        return true;
    });

    private void RequireDns()
    {
        if (!Options.Dns) throw new NotSupportedException("the simulated cloud was created without DNS");
    }
}
