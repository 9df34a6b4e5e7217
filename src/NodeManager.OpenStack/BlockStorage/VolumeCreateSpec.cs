namespace NodeManager.OpenStack.BlockStorage;

public sealed record VolumeCreateSpec
{
    public required string Name { get; init; }
    public required int SizeGiB { get; init; }
    public string? VolumeType { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
