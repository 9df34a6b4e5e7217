namespace NodeManager.Core.Cloud;

/// <summary>A DNS record set: <see cref="Name"/> is fully qualified with the trailing dot (Designate's convention).</summary>
public sealed record DnsRecordSpec(string Zone, string Name, string Type, IReadOnlyList<string> Records, int? TtlSeconds = null);
