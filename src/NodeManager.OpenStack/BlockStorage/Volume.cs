namespace NodeManager.OpenStack.BlockStorage;

/// <summary>A Cinder volume. Status: creating, available, attaching, in-use, detaching, deleting, error, …</summary>
public sealed record Volume(
    string Id,
    string? Name,
    string Status,
    int SizeGiB,
    string? VolumeType,
    string? AvailabilityZone,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<VolumeAttachmentInfo> Attachments,
    DateTimeOffset? Created)
{
    public bool IsAvailable => Status == "available";
    public bool IsInUse => Status == "in-use";
    public bool IsError => Status.StartsWith("error", StringComparison.Ordinal);
}

/// <summary>One entry of a volume's <c>attachments</c>.</summary>
public sealed record VolumeAttachmentInfo(string ServerId, string? Device, string? AttachmentId);
