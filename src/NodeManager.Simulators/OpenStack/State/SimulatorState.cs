using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace NodeManager.Simulators.OpenStack.State;

/// <summary>
/// The simulated cloud's in-memory state. One lock guards everything (the simulator is a test double, not a
/// throughput target); status transitions are computed from timestamps on the injected clock when read,
/// and resources whose delete delay has passed are purged on the next access. With a
/// <see cref="OpenStackSimulatorOptions.StateFile"/> the state is loaded from it at start and written back after
/// every change, under the same lock, so a restarted simulator holds what it held before.
/// </summary>
internal sealed class SimulatorState
{
    public const string NoValidHostMessage = "No valid host was found. There are not enough hosts available.";

    private readonly object _gate = new();
    private readonly OpenStackSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SimServer> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimVolume> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimRecordset> _recordsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly List<SimZone> _zones;
    private int _serverIndex;

    /// <summary>Loads <see cref="OpenStackSimulatorOptions.StateFile"/> when it is set and exists; a corrupt file throws naming it.</summary>
    public SimulatorState(OpenStackSimulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        Quotas = options.Quotas;
        Networks = SimCatalogData.Networks(options.Networks);
        var saved = options.StateFile.Length == 0 ? null : SimulatorStateFile.Load(options.StateFile);
        // Zones keep their saved ids (recordset ids are addressed through them); zones newly configured get new ones.
        var savedZones = saved?.Zones.Where(z => options.DnsZones.Contains(z.Name)).ToList() ?? [];
        _zones = [.. savedZones, .. options.DnsZones.Where(n => savedZones.All(z => z.Name != n)).Select(n => new SimZone(Guid.NewGuid().ToString(), n))];
        if (saved is null) return;
        _serverIndex = saved.ServerIndex;
        foreach (var entry in saved.Servers) _servers[entry.Id] = SimulatorStateFile.FromEntry(entry, options.StateFile);
        foreach (var entry in saved.Volumes) _volumes[entry.Id] = SimulatorStateFile.FromEntry(entry);
        foreach (var entry in saved.Recordsets)
        {
            if (_zones.FirstOrDefault(z => z.Id == entry.ZoneId) is not { } zone) continue; // its zone is no longer configured
            _recordsets[entry.Id] = new SimRecordset
            {
                Id = entry.Id, Zone = zone, Name = entry.Name, Type = entry.Type, Records = entry.Records, Ttl = entry.Ttl,
                Description = entry.Description, Created = entry.Created,
            };
        }
    }

    public OpenStackSimulatorOptions Options => _options;

    /// <summary>What Neutron lists; fixed for the simulator's lifetime.</summary>
    public IReadOnlyList<SimNetwork> Networks { get; }
    public SimulatorQuotas Quotas { get; set; }
    public SimulatorModes Modes { get; set; } = new();
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs <paramref name="read"/> under the lock after purging, so views never see a half-made change.</summary>
    public T Read<T>(Func<DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            return read(now);
        }
    }

    // ---- Keystone ----

    public (string Token, DateTimeOffset Issued, DateTimeOffset Expires) IssueToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            var now = Now;
            var expires = now + _options.TokenLifetime;
            _tokens[token] = expires;
            return (token, now, expires);
        }
    }

    public bool IsValidToken(string? token)
    {
        if (token is null) return false;
        lock (_gate)
            return _tokens.TryGetValue(token, out var expires) && Now < expires;
    }

    public void RevokeTokens()
    {
        lock (_gate) _tokens.Clear();
    }

    // ---- Nova ----

    public SimServer CreateServer(string name, string? imageRef, string? flavorRef, string? keyName, string? availabilityZone,
        Dictionary<string, string> metadata, IReadOnlyList<string> securityGroups)
    {
        var flavor = SimCatalogData.Flavors.FirstOrDefault(f => f.Id == flavorRef || (flavorRef is not null && flavorRef.EndsWith("/flavors/" + f.Id, StringComparison.Ordinal)))
            ?? throw new SimFaultException(400, $"Flavor {flavorRef} could not be found.");
        var image = SimCatalogData.Images.FirstOrDefault(i => i.Id == imageRef)
            ?? throw new SimFaultException(400, $"Can not find requested image");
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var live = _servers.Values.ToList();
            CheckNovaQuota("instances", 1, live.Count, Quotas.Instances);
            CheckNovaQuota("cores", flavor.Vcpus, live.Sum(s => s.Flavor.Vcpus), Quotas.Cores);
            CheckNovaQuota("ram", flavor.RamMiB, live.Sum(s => s.Flavor.RamMiB), Quotas.RamMiB);
            var index = ++_serverIndex;
            var server = new SimServer
            {
                Id = Guid.NewGuid().ToString(),
                Name = name,
                Flavor = flavor,
                ImageId = image.Id,
                KeyName = keyName,
                AvailabilityZone = availabilityZone ?? "nova",
                Metadata = metadata,
                SecurityGroups = securityGroups.Count == 0 ? ["default"] : securityGroups,
                Created = now,
                ReadyAt = Modes.NeverBoots && !Modes.NoValidHost ? null : now + _options.BootDelay,
                FaultMessage = Modes.NoValidHost ? NoValidHostMessage : null,
                FixedIp = $"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}",
                Index = index,
            };
            _servers[server.Id] = server;
            Save();
            return server;
        }
    }

    private static void CheckNovaQuota(string resource, int requested, int used, int limit)
    {
        if (limit >= 0 && used + requested > limit)
            throw new SimFaultException(403, $"Quota exceeded for {resource}: Requested {requested}, but already used {used} of {limit} {resource}");
    }

    public SimServer Server(string id, DateTimeOffset now) =>
        _servers.TryGetValue(id, out var s) && !s.IsGone(now) ? s : throw new SimFaultException(404, $"Instance {id} could not be found.");

    /// <summary>Nova's name filter is a regular expression (searched, not anchored); an invalid one is a 400.</summary>
    public IReadOnlyList<SimServer> Servers(string? nameRegex)
    {
        Regex? filter;
        try
        {
            filter = nameRegex is null ? null : new Regex(nameRegex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw new SimFaultException(400, $"Invalid regular expression in the name filter: {nameRegex}");
        }
        return _servers.Values.Where(s => filter is null || filter.IsMatch(s.Name)).OrderBy(s => s.Index).ToList();
    }

    public void DeleteServer(string id)
    {
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var server = Server(id, now);
            server.DeleteAt ??= now + _options.DeleteDelay;
            Save();
        }
    }

    public SimAttachment Attach(string serverId, string volumeId, string? device)
    {
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var server = Server(serverId, now);
            var state = server.Status(now);
            if (state != "ACTIVE")
                throw new SimFaultException(409, $"Cannot 'attach_volume' instance {serverId} while it is in vm_state {VmState(state)}");
            var volume = Volume(volumeId, now);
            var status = volume.Status(now);
            if (status != "available")
                throw new SimFaultException(400, $"Invalid volume: volume {volumeId} status must be 'available'. Currently in '{status}'");
            var attachment = new SimAttachment(volumeId, device ?? $"/dev/vd{(char)('b' + server.Attachments.Count)}",
                Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
            server.Attachments.Add(attachment);
            volume.ServerId = serverId;
            volume.Device = attachment.Device;
            volume.AttachmentId = attachment.AttachmentId;
            volume.AttachedAt = now + _options.AttachDelay;
            Save();
            return attachment;
        }
    }

    public void Detach(string serverId, string volumeId)
    {
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var server = Server(serverId, now);
            var attachment = server.Attachments.FirstOrDefault(a => a.VolumeId == volumeId)
                ?? throw new SimFaultException(404, $"Volume {volumeId} is not attached to the server {serverId}.");
            server.Attachments.Remove(attachment);
            if (_volumes.TryGetValue(volumeId, out var volume)) ClearAttachment(volume);
            Save();
        }
    }

    public static string VmState(string status) => status switch
    {
        "ACTIVE" => "active",
        "ERROR" => "error",
        _ => "building",
    };

    // ---- Cinder ----

    public SimVolume CreateVolume(string? name, int size, string? volumeType, string? availabilityZone, string? description, Dictionary<string, string> metadata)
    {
        if (size <= 0) throw new SimFaultException(400, $"Invalid input received: 'size' parameter must be between 1 and 2147483647");
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var live = _volumes.Values.ToList();
            if (Quotas.Volumes >= 0 && live.Count + 1 > Quotas.Volumes)
                throw new SimFaultException(413, $"VolumeLimitExceeded: Maximum number of volumes allowed ({Quotas.Volumes}) exceeded for quota 'volumes'.", 0);
            var used = live.Sum(v => v.Size);
            if (Quotas.Gigabytes >= 0 && used + size > Quotas.Gigabytes)
                throw new SimFaultException(413,
                    $"VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested {size}G, quota is {Quotas.Gigabytes}G and {used}G has been consumed.", 0);
            var volume = new SimVolume
            {
                Id = Guid.NewGuid().ToString(),
                Name = name,
                Description = description,
                Size = size,
                VolumeType = volumeType ?? "__DEFAULT__",
                AvailabilityZone = availabilityZone ?? "nova",
                Metadata = metadata,
                Created = now,
                ReadyAt = now + _options.VolumeCreateDelay,
                FailsToCreate = Modes.VolumeError,
            };
            _volumes[volume.Id] = volume;
            Save();
            return volume;
        }
    }

    public SimVolume Volume(string id, DateTimeOffset now) =>
        _volumes.TryGetValue(id, out var v) && !v.IsGone(now) ? v : throw new SimFaultException(404, $"Volume {id} could not be found.");

    public IReadOnlyList<SimVolume> Volumes(string? name) =>
        _volumes.Values.Where(v => name is null || v.Name == name).OrderBy(v => v.Created).ToList();

    public void DeleteVolume(string id)
    {
        lock (_gate)
        {
            var now = Now;
            Purge(now);
            var volume = Volume(id, now);
            if (volume.ServerId is not null)
                throw new SimFaultException(400,
                    "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.");
            volume.DeleteAt ??= now + _options.DeleteDelay;
            Save();
        }
    }

    private static void ClearAttachment(SimVolume volume)
    {
        volume.ServerId = null;
        volume.Device = null;
        volume.AttachmentId = null;
        volume.AttachedAt = null;
    }

    // ---- Designate ----

    public IReadOnlyList<SimZone> Zones(string? name) => _zones.Where(z => name is null || z.Name == name).ToList();

    public SimZone Zone(string id) => _zones.FirstOrDefault(z => z.Id == id) ?? throw new DesignateNotFoundException("zone_not_found", "Could not find Zone");

    public SimRecordset CreateRecordset(string zoneId, string name, string type, IReadOnlyList<string> records, int? ttl, string? description)
    {
        lock (_gate)
        {
            var zone = Zone(zoneId);
            if (!name.EndsWith(zone.Name, StringComparison.Ordinal))
                throw new DesignateBadRequestException("invalid_object", $"RecordSet is not contained within it's parent zone");
            if (_recordsets.Values.Any(r => r.Zone == zone && r.Name == name && r.Type == type))
                throw new DesignateConflictException("duplicate_recordset", "Duplicate RecordSet");
            var recordset = new SimRecordset
            {
                Id = Guid.NewGuid().ToString(), Zone = zone, Name = name, Type = type, Records = records, Ttl = ttl,
                Description = description, Created = Now,
            };
            _recordsets[recordset.Id] = recordset;
            Save();
            return recordset;
        }
    }

    public SimRecordset Recordset(string zoneId, string id) =>
        _recordsets.TryGetValue(id, out var r) && r.Zone.Id == zoneId ? r : throw new DesignateNotFoundException("recordset_not_found", "Could not find RecordSet");

    public IReadOnlyList<SimRecordset> Recordsets(string zoneId, string? name, string? type) =>
        _recordsets.Values.Where(r => r.Zone.Id == zoneId && (name is null || r.Name == name) && (type is null || r.Type == type)).ToList();

    public SimRecordset UpdateRecordset(string zoneId, string id, IReadOnlyList<string>? records)
    {
        lock (_gate)
        {
            var recordset = Recordset(zoneId, id);
            if (records is not null) recordset.Records = records;
            Save();
            return recordset;
        }
    }

    public SimRecordset DeleteRecordset(string zoneId, string id)
    {
        lock (_gate)
        {
            var recordset = Recordset(zoneId, id);
            _recordsets.Remove(id);
            Save();
            return recordset;
        }
    }

    // ---- usage and admin ----

    public (int Instances, int Cores, int RamMiB, int Volumes, int Gigabytes) Usage(DateTimeOffset now)
    {
        var servers = _servers.Values.Where(s => !s.IsGone(now)).ToList();
        var volumes = _volumes.Values.Where(v => !v.IsGone(now)).ToList();
        return (servers.Count, servers.Sum(s => s.Flavor.Vcpus), servers.Sum(s => s.Flavor.RamMiB), volumes.Count, volumes.Sum(v => v.Size));
    }

    public IReadOnlyList<SimulatedServer> SnapshotServers() => Read(now => _servers.Values.OrderBy(s => s.Index)
        .Select(s => new SimulatedServer(s.Id, s.Name, s.Status(now), s.Flavor.Name, s.ImageId, new Dictionary<string, string>(s.Metadata),
            s.Attachments.Select(a => a.VolumeId).ToList(), s.DeleteAt is not null, s.Created))
        .ToList());

    public IReadOnlyList<SimulatedVolume> SnapshotVolumes() => Read(now => _volumes.Values.OrderBy(v => v.Created)
        .Select(v => new SimulatedVolume(v.Id, v.Name, v.Status(now), v.Size, v.ServerId, v.DeleteAt is not null, v.Created))
        .ToList());

    public IReadOnlyList<SimulatedRecordset> SnapshotRecordsets() => Read(_ => _recordsets.Values
        .Select(r => new SimulatedRecordset(r.Id, r.Zone.Name, r.Name, r.Type, r.Records))
        .ToList());

    /// <summary>Writes the whole state to the state file (if any); called under the lock after every change, and at shutdown.</summary>
    public void Flush()
    {
        lock (_gate) Save();
    }

    private void Save()
    {
        if (_options.StateFile.Length == 0) return;
        SimulatorStateFile.Save(_options.StateFile, new SimulatorStateFile.Document(
            _serverIndex,
            [.. _zones],
            _servers.Values.OrderBy(s => s.Index).Select(SimulatorStateFile.ToEntry).ToList(),
            _volumes.Values.OrderBy(v => v.Created).Select(SimulatorStateFile.ToEntry).ToList(),
            _recordsets.Values.Select(SimulatorStateFile.ToEntry).ToList()));
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var gone in _servers.Values.Where(s => s.IsGone(now)).ToList())
        {
            _servers.Remove(gone.Id);
            foreach (var attachment in gone.Attachments)
                if (_volumes.TryGetValue(attachment.VolumeId, out var volume)) ClearAttachment(volume);
        }
        foreach (var gone in _volumes.Values.Where(v => v.IsGone(now)).ToList())
            _volumes.Remove(gone.Id);
    }
}
