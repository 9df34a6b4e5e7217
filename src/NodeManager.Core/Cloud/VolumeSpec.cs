namespace NodeManager.Core.Cloud;

/// <summary>What volume to create; <see cref="VolumeType"/> null means the cloud's default type.</summary>
public sealed record VolumeSpec(
    string Name,
    int SizeGb,
    IReadOnlyDictionary<string, string> Metadata,
    string? VolumeType = null,
    string? AvailabilityZone = null);
