namespace NodeManager.Simulators.OpenStack.State;

/// <summary>
/// The simulated cloud written to a JSON file, so that a restarted simulator still holds what a real cloud would:
/// servers, volumes with their attachments, zones and recordsets. Timestamps are absolute, so a BUILD or attaching
/// that fell due while the simulator was down is simply complete on load. Tokens are not kept (clients re-authenticate).
/// </summary>
internal static class SimulatorStateFile
{
    internal sealed record Document(int ServerIndex, List<SimZone> Zones, List<ServerEntry> Servers, List<VolumeEntry> Volumes, List<RecordsetEntry> Recordsets);

    internal sealed record ServerEntry(string Id, string Name, string FlavorId, string ImageId, string? KeyName, string AvailabilityZone,
        Dictionary<string, string> Metadata, List<string> SecurityGroups, DateTimeOffset Created, DateTimeOffset? ReadyAt, string? FaultMessage,
        DateTimeOffset? DeleteAt, string FixedIp, int Index, List<SimAttachment> Attachments);

    internal sealed record VolumeEntry(string Id, string? Name, string? Description, int Size, string VolumeType, string AvailabilityZone,
        Dictionary<string, string> Metadata, DateTimeOffset Created, DateTimeOffset ReadyAt, bool FailsToCreate, string? ServerId, string? Device,
        string? AttachmentId, DateTimeOffset? AttachedAt, DateTimeOffset? DeleteAt);

    internal sealed record RecordsetEntry(string Id, string ZoneId, string Name, string Type, List<string> Records, int? Ttl, string? Description,
        DateTimeOffset Created);

    /// <summary>The saved document, or null when the file does not exist; an unreadable file fails naming it.</summary>
    public static Document? Load(string path) => JsonStateFile.Load<Document>(path, "OpenStack simulator",
        d => d.Zones is null || d.Servers is null || d.Volumes is null || d.Recordsets is null ? "a list of zones, servers, volumes or recordsets is missing" : null);

    public static void Save(string path, Document document) => JsonStateFile.Save(path, document);

    public static ServerEntry ToEntry(SimServer s) => new(s.Id, s.Name, s.Flavor.Id, s.ImageId, s.KeyName, s.AvailabilityZone, s.Metadata,
        [.. s.SecurityGroups], s.Created, s.ReadyAt, s.FaultMessage, s.DeleteAt, s.FixedIp, s.Index, [.. s.Attachments]);

    public static SimServer FromEntry(ServerEntry e, string path)
    {
        var server = new SimServer
        {
            Id = e.Id,
            Name = e.Name,
            Flavor = SimCatalogData.Flavors.FirstOrDefault(f => f.Id == e.FlavorId)
                ?? throw new InvalidDataException($"OpenStack simulator state file {path}: server {e.Id} has unknown flavor {e.FlavorId}"),
            ImageId = e.ImageId,
            KeyName = e.KeyName,
            AvailabilityZone = e.AvailabilityZone,
            Metadata = e.Metadata,
            SecurityGroups = e.SecurityGroups,
            Created = e.Created,
            ReadyAt = e.ReadyAt,
            FaultMessage = e.FaultMessage,
            DeleteAt = e.DeleteAt,
            FixedIp = e.FixedIp,
            Index = e.Index,
        };
        server.Attachments.AddRange(e.Attachments);
        return server;
    }

    public static VolumeEntry ToEntry(SimVolume v) => new(v.Id, v.Name, v.Description, v.Size, v.VolumeType, v.AvailabilityZone, v.Metadata,
        v.Created, v.ReadyAt, v.FailsToCreate, v.ServerId, v.Device, v.AttachmentId, v.AttachedAt, v.DeleteAt);

    public static SimVolume FromEntry(VolumeEntry e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Description = e.Description,
        Size = e.Size,
        VolumeType = e.VolumeType,
        AvailabilityZone = e.AvailabilityZone,
        Metadata = e.Metadata,
        Created = e.Created,
        ReadyAt = e.ReadyAt,
        FailsToCreate = e.FailsToCreate,
        ServerId = e.ServerId,
        Device = e.Device,
        AttachmentId = e.AttachmentId,
        AttachedAt = e.AttachedAt,
        DeleteAt = e.DeleteAt,
    };

    public static RecordsetEntry ToEntry(SimRecordset r) =>
        new(r.Id, r.Zone.Id, r.Name, r.Type, [.. r.Records], r.Ttl, r.Description, r.Created);
}
