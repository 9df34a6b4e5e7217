namespace NodeManager.OpenStack.Image;

/// <summary>A Glance v2 image.</summary>
public sealed record GlanceImage(string Id, string Name, string Status, string? Visibility, long? SizeBytes, int MinDiskGiB, int MinRamMiB, DateTimeOffset? Created);
