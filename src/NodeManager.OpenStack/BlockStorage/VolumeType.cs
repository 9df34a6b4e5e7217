namespace NodeManager.OpenStack.BlockStorage;

/// <summary>A Cinder volume type; a volume asks for one by name or id.</summary>
public sealed record VolumeType(string Id, string Name, bool IsPublic, string? Description);
