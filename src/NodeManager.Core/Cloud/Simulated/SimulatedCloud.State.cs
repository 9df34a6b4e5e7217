namespace NodeManager.Core.Cloud.Simulated;

public sealed partial class SimulatedCloud
{
    /// <summary>Every server still present (not yet gone), for assertions: "exactly one server per live node".</summary>
    public IReadOnlyList<CloudServer> Servers
    {
        get
        {
            lock (_lock) return _servers.Values.Where(s => !IsGone(s)).OrderBy(s => s.Created).Select(View).ToList();
        }
    }

    public IReadOnlyList<CloudVolume> Volumes
    {
        get
        {
            lock (_lock) return _volumes.Values.Where(v => !IsGone(v)).OrderBy(v => v.Created).Select(View).ToList();
        }
    }

    public IReadOnlyCollection<DnsRecordSpec> DnsRecords
    {
        get
        {
            lock (_lock) return _dns.Values.ToList();
        }
    }

    /// <summary>Creates a server outside any node's knowledge (a leak, for leak-detection tests).</summary>
    public CloudServer AddForeignServer(string name, IReadOnlyDictionary<string, string> metadata)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var spec = new ServerSpec(name, "img", "m1.small", metadata);
            var server = Add(new SimServer($"srv-{Interlocked.Increment(ref _nextId):D6}", name, spec, Options.Flavors[spec.Flavor], now, now, null, null));
            return View(server);
        }
    }

    private async Task<T> Run<T>(string call, Func<T> body)
    {
        if (Options.Latency > TimeSpan.Zero)
            await Task.Delay(Options.Latency, time).ConfigureAwait(false);
        lock (_lock)
        {
            _calls.Add(call);
            if (Options.TransientFaults > 0)
            {
                Options.TransientFaults--;
                throw new CloudServerFaultException(call, "503 Service Unavailable (simulated)", 503);
            }

            return body();
        }
    }

    private static void CheckQuota(string call, string resource, int requested, int used, int limit)
    {
        if (limit >= 0 && used + requested > limit)
            throw new CloudQuotaExceededException(call, resource,
                $"Quota exceeded for {resource}: Requested {requested}, but already used {used} of {limit} {resource}");
    }

    private SimServer Add(SimServer server)
    {
        _servers[server.Id] = server;
        IdsNamed(_serverIdsByName, server.Name).Add(server.Id);
        return server;
    }

    private SimVolume Add(SimVolume volume)
    {
        _volumes[volume.Id] = volume;
        IdsNamed(_volumeIdsByName, volume.Name).Add(volume.Id);
        return volume;
    }

    private static List<string> IdsNamed(Dictionary<string, List<string>> index, string name)
    {
        if (!index.TryGetValue(name, out var ids))
            index[name] = ids = [];
        return ids;
    }

    /// <summary>The oldest server of that name not yet gone, as Nova lists them.</summary>
    private SimServer? ServerNamed(string name) => _serverIdsByName.TryGetValue(name, out var ids)
        ? ids.Select(id => _servers[id]).FirstOrDefault(s => !IsGone(s))
        : null;

    private SimVolume? VolumeNamed(string name) => _volumeIdsByName.TryGetValue(name, out var ids)
        ? ids.Select(id => _volumes[id]).FirstOrDefault(v => !IsGone(v))
        : null;

    // Counting what is live walks every server or volume ever created: only done when a quota asks for it.
    private bool HasServerQuota => Options.InstanceQuota >= 0 || Options.CoreQuota >= 0 || Options.RamMbQuota >= 0;

    private bool HasVolumeQuota => Options.VolumeQuota >= 0 || Options.GigabyteQuota >= 0;

    private List<SimServer> LiveServers() => [.. _servers.Values.Where(s => !IsGone(s))];

    private List<SimVolume> LiveVolumes() => [.. _volumes.Values.Where(v => !IsGone(v))];

    private bool IsGone(SimServer s) => s.DeletedAt is { } at && time.GetUtcNow() >= at;

    private bool IsGone(SimVolume v) => v.DeletedAt is { } at && time.GetUtcNow() >= at;

    private static bool Matches(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> wanted) =>
        wanted.All(kv => actual.TryGetValue(kv.Key, out var value) && value == kv.Value);

    private CloudServer View(SimServer s)
    {
        var now = time.GetUtcNow();
        var (status, raw, fault) = s switch
        {
            { DeletedAt: not null } => (CloudServerStatus.Deleting, "DELETING", (string?)null),
            { Fault: { } error } when now >= s.ReadyAt => (CloudServerStatus.Error, "ERROR", error),
            _ when now >= s.ReadyAt => (CloudServerStatus.Active, "ACTIVE", null),
            _ => (CloudServerStatus.Building, "BUILD", null),
        };
        var address = $"10.0.{(s.Created.Ticks / 7) % 250}.{int.Parse(s.Id.AsSpan(4)) % 250 + 2}";
        return new CloudServer(s.Id, s.Name, status, raw, s.Spec.Metadata, status == CloudServerStatus.Active ? [address] : [], fault, s.Created);
    }

    private CloudVolume View(SimVolume v)
    {
        var now = time.GetUtcNow();
        var (status, raw) = v switch
        {
            { DeletedAt: not null } => (CloudVolumeStatus.Deleting, "deleting"),
            { AttachedTo: not null } when now >= v.AttachedAt + Options.AttachTime => (CloudVolumeStatus.InUse, "in-use"),
            { AttachedTo: not null } => (CloudVolumeStatus.Attaching, "attaching"),
            _ when now >= v.ReadyAt => (CloudVolumeStatus.Available, "available"),
            _ => (CloudVolumeStatus.Creating, "creating"),
        };
        return new CloudVolume(v.Id, v.Name, status, raw, v.Spec.SizeGb, v.Spec.Metadata,
            status == CloudVolumeStatus.InUse ? v.AttachedTo : null, status == CloudVolumeStatus.InUse ? v.Device : null);
    }

    /// <summary>A server; one with a <see cref="Fault"/> goes to ERROR with it instead of ACTIVE at <see cref="ReadyAt"/>.</summary>
    private sealed record SimServer(string Id, string Name, ServerSpec Spec, SimulatedFlavor Flavor, DateTimeOffset Created, DateTimeOffset ReadyAt,
        string? Fault, DateTimeOffset? DeletedAt);

    private sealed record SimVolume(string Id, string Name, VolumeSpec Spec, DateTimeOffset Created, DateTimeOffset ReadyAt,
        string? AttachedTo, DateTimeOffset? AttachedAt, string? Device)
    {
        public DateTimeOffset? DeletedAt { get; init; }
    }
}
