namespace NodeManager.Simulators.OpenStack;

/// <summary>Operation names faults are keyed on (also the admin API's names).</summary>
public static class SimulatorOps
{
    public const string Authenticate = "keystone.tokens.create";
    public const string ServerCreate = "nova.servers.create";
    public const string ServerGet = "nova.servers.get";
    public const string ServerList = "nova.servers.list";
    public const string ServerDelete = "nova.servers.delete";
    public const string AttachmentCreate = "nova.attachments.create";
    public const string AttachmentList = "nova.attachments.list";
    public const string AttachmentGet = "nova.attachments.get";
    public const string AttachmentDelete = "nova.attachments.delete";
    public const string ComputeLimits = "nova.limits";
    public const string FlavorList = "nova.flavors.list";
    public const string VolumeCreate = "cinder.volumes.create";
    public const string VolumeGet = "cinder.volumes.get";
    public const string VolumeList = "cinder.volumes.list";
    public const string VolumeDelete = "cinder.volumes.delete";
    public const string VolumeLimits = "cinder.limits";
    public const string VolumeTypeList = "cinder.types.list";
    public const string ZoneList = "designate.zones.list";
    public const string RecordsetCreate = "designate.recordsets.create";
    public const string RecordsetList = "designate.recordsets.list";
    public const string RecordsetGet = "designate.recordsets.get";
    public const string RecordsetUpdate = "designate.recordsets.update";
    public const string RecordsetDelete = "designate.recordsets.delete";
    public const string ImageList = "glance.images.list";
    public const string ImageGet = "glance.images.get";
    public const string NetworkList = "neutron.networks.list";
    public const string NetworkGet = "neutron.networks.get";

    public static IReadOnlyList<string> All { get; } =
    [
        Authenticate, ServerCreate, ServerGet, ServerList, ServerDelete, AttachmentCreate, AttachmentList, AttachmentGet,
        AttachmentDelete, ComputeLimits, FlavorList, VolumeCreate, VolumeGet, VolumeList, VolumeDelete, VolumeLimits,
        VolumeTypeList, ZoneList, RecordsetCreate, RecordsetList, RecordsetGet, RecordsetUpdate, RecordsetDelete, ImageList, ImageGet,
        NetworkList, NetworkGet,
    ];
}
