using NodeManager.Core.Cloud;
using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;

namespace NodeManager.OpenStack.Cloud;

/// <summary>Nova and Cinder records → Core's cloud records.</summary>
internal static class CloudMapping
{
    public static CloudServer Server(Server s) => new(
        s.Id,
        s.Name,
        s.TaskState == "deleting" ? CloudServerStatus.Deleting : s.Status switch
        {
            "BUILD" or "REBUILD" => CloudServerStatus.Building,
            "ACTIVE" => CloudServerStatus.Active,
            "ERROR" => CloudServerStatus.Error,
            "DELETED" or "SOFT_DELETED" => CloudServerStatus.Deleting,
            _ => CloudServerStatus.Other,
        },
        s.Status,
        s.Metadata,
        s.Addresses.Select(a => a.Address).ToList(),
        s.Fault?.Message,
        s.Created);

    public static CloudVolume Volume(Volume v) => new(
        v.Id,
        v.Name ?? "",
        v.Status switch
        {
            "creating" => CloudVolumeStatus.Creating,
            "available" => CloudVolumeStatus.Available,
            "attaching" or "reserved" => CloudVolumeStatus.Attaching,
            "in-use" => CloudVolumeStatus.InUse,
            "detaching" => CloudVolumeStatus.Detaching,
            "deleting" => CloudVolumeStatus.Deleting,
            _ when v.IsError => CloudVolumeStatus.Error,
            _ => CloudVolumeStatus.Other,
        },
        v.Status,
        v.SizeGiB,
        v.Metadata,
        v.Attachments.FirstOrDefault()?.ServerId,
        v.Attachments.FirstOrDefault()?.Device);
}
