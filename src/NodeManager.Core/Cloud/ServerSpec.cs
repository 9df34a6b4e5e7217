namespace NodeManager.Core.Cloud;

/// <summary>
/// What to boot. <see cref="Image"/> and <see cref="Flavor"/> are names or ids (the implementation resolves names);
/// <see cref="Networks"/> and <see cref="SecurityGroups"/> likewise. <see cref="UserData"/> is plain text (the
/// implementation encodes it). <see cref="Metadata"/> always carries the nodemanager-* keys so nothing is anonymous.
/// </summary>
public sealed record ServerSpec(
    string Name,
    string Image,
    string Flavor,
    IReadOnlyDictionary<string, string> Metadata,
    string? KeyName = null,
    IReadOnlyList<string>? Networks = null,
    IReadOnlyList<string>? SecurityGroups = null,
    string? AvailabilityZone = null,
    string? UserData = null);
