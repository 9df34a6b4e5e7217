namespace NodeManager.OpenStack.Compute;

/// <summary>What to boot. Image and flavor are names or ids (resolved once per client and cached).</summary>
public sealed record ServerCreateSpec
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public required string Flavor { get; init; }
    public string? KeyName { get; init; }
    /// <summary>
    /// Network names or uuids (a name is resolved through Neutron once per client and cached); empty = let Nova choose
    /// ("auto" from microversion 2.37, omitted before).
    /// </summary>
    public IReadOnlyList<string> Networks { get; init; } = [];
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];
    public string? AvailabilityZone { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>Plain text (e.g. cloud-init); the client base64-encodes it. Never logged.</summary>
    public string? UserData { get; init; }
}
