namespace NodeManager.OpenStack.Dns;

/// <summary>A Designate zone; names are fully qualified with the trailing dot (<c>example.com.</c>).</summary>
public sealed record DnsZone(string Id, string Name, string? Status);
