using System.Text.Json.Serialization;

namespace NodeManager.Core.Platform;

/// <summary>
/// The PaaS's view of its districts and nodes. JSON shape (v1, snake_case):
/// <c>{"districts":[{"name","profile","uid_capacity","uids_allocated"}],
/// "nodes":[{"name","district","profile","active_gears","max_active_gears","responding"}]}</c>.
/// </summary>
public sealed record CapacityDocument(
    [property: JsonPropertyName("districts")] IReadOnlyList<DistrictCapacity> Districts,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeCapacity> Nodes)
{
    public static CapacityDocument Empty { get; } = new([], []);
}

/// <summary>One district: its profile and how many of its UIDs (one per gear ever placed) are taken.</summary>
public sealed record DistrictCapacity(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("uid_capacity")] int UidCapacity,
    [property: JsonPropertyName("uids_allocated")] int UidsAllocated)
{
    [JsonIgnore]
    public int FreeUids => Math.Max(0, UidCapacity - UidsAllocated);
}

/// <summary>One node host as the PaaS sees it. <see cref="Name"/> is the host name (FQDN).</summary>
public sealed record NodeCapacity(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("district")] string District,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("active_gears")] int ActiveGears,
    [property: JsonPropertyName("max_active_gears")] int MaxActiveGears,
    [property: JsonPropertyName("responding")] bool Responding);
