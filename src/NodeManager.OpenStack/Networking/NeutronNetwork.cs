namespace NodeManager.OpenStack.Networking;

/// <summary>A Neutron network as the project sees it (its own, shared and external ones).</summary>
public sealed record NeutronNetwork(string Id, string Name, string Status, bool Shared, bool External, string? ProjectId);
