namespace NodeManager.OpenStack.Dns;

/// <summary>A Designate recordset. <see cref="Status"/> is PENDING until the backend has it, then ACTIVE.</summary>
public sealed record Recordset(string Id, string ZoneId, string Name, string Type, IReadOnlyList<string> Records, int? Ttl, string? Status, string? Action);
