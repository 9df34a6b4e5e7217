namespace NodeManager.Simulators.OpenStack.State;

internal sealed record SimZone(string Id, string Name);

/// <summary>A Designate recordset: PENDING right after create, ACTIVE once read again.</summary>
internal sealed class SimRecordset
{
    public required string Id { get; init; }
    public required SimZone Zone { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<string> Records { get; set; }
    public int? Ttl { get; init; }
    public string? Description { get; init; }
    public required DateTimeOffset Created { get; init; }
}
