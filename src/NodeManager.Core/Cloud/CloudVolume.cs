namespace NodeManager.Core.Cloud;

/// <summary>A volume as the cloud reports it. <see cref="AttachedTo"/> is the server id when attached.</summary>
public sealed record CloudVolume(
    string Id,
    string Name,
    CloudVolumeStatus Status,
    string RawStatus,
    int SizeGb,
    IReadOnlyDictionary<string, string> Metadata,
    string? AttachedTo = null,
    string? Device = null);

/// <summary>The states the controller distinguishes; everything else maps to <see cref="Other"/>.</summary>
public enum CloudVolumeStatus
{
    Creating,
    Available,
    Attaching,
    InUse,
    Detaching,
    Deleting,
    Error,
    Other,
}
