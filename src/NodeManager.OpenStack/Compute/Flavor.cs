namespace NodeManager.OpenStack.Compute;

/// <summary>A flavor. <see cref="Id"/> is null where a microversion (2.47+) embeds flavors without one.</summary>
public sealed record Flavor(string? Id, string Name, int Vcpus, int RamMiB, int DiskGiB);
