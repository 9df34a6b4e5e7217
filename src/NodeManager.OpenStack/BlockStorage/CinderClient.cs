using System.Text.Json;
using System.Text.Json.Nodes;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.BlockStorage;

/// <summary>Cinder (block storage v3). No member waits for a state change.</summary>
public sealed class CinderClient
{
    private readonly OpenStackSession _session;

    internal CinderClient(OpenStackSession session) => _session = session;

    /// <summary>Creates a volume; returns it at once (status creating). Not idempotent: look up by name first.</summary>
    public async Task<Volume> CreateVolumeAsync(VolumeCreateSpec spec, CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Post, "/volumes", BuildCreateBody(spec), ct).ConfigureAwait(false);
        return ReadOne(response);
    }

    /// <summary>The request body, shaped like Cinder's api-ref sample (unset optional fields are explicit nulls).</summary>
    public static JsonObject BuildCreateBody(VolumeCreateSpec spec) => new()
    {
        ["volume"] = new JsonObject
        {
            ["size"] = spec.SizeGiB,
            ["availability_zone"] = spec.AvailabilityZone,
            ["description"] = spec.Description,
            ["name"] = spec.Name,
            ["volume_type"] = spec.VolumeType,
            ["metadata"] = new JsonObject(spec.Metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        },
    };

    /// <summary>Throws <see cref="NotFoundException"/> when the volume does not exist.</summary>
    public async Task<Volume> GetVolumeAsync(string id, CancellationToken ct = default) =>
        ReadOne(await SendAsync(HttpMethod.Get, "/volumes/" + Uri.EscapeDataString(id), null, ct).ConfigureAwait(false));

    /// <summary>Volumes named exactly <paramref name="name"/> (Cinder's name filter is an exact match).</summary>
    public async Task<IReadOnlyList<Volume>> ListVolumesByNameAsync(string name, CancellationToken ct = default)
    {
        var volumes = await ListAsync("name=" + Uri.EscapeDataString(name), ct).ConfigureAwait(false);
        return volumes.Where(v => v.Name == name).ToList();
    }

    /// <summary>Volumes carrying every given metadata pair (filtered here: Cinder's metadata filter differs between releases).</summary>
    public async Task<IReadOnlyList<Volume>> ListVolumesByMetadataAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        var volumes = await ListAsync(null, ct).ConfigureAwait(false);
        return volumes.Where(v => metadata.All(kv => v.Metadata.TryGetValue(kv.Key, out var value) && value == kv.Value)).ToList();
    }

    private Task<List<Volume>> ListAsync(string? filter, CancellationToken ct) =>
        MarkerPages.ListAllAsync(path => SendAsync(HttpMethod.Get, path, null, ct), "/volumes/detail", filter,
            "volumes", "volumes_links", Read, v => v.Id);

    /// <summary>Deletes; true when this call deleted it, false when it was already gone (404). Does not wait.</summary>
    public Task<bool> DeleteVolumeAsync(string id, CancellationToken ct = default) =>
        NotFoundAs.False(SendAsync(HttpMethod.Delete, "/volumes/" + Uri.EscapeDataString(id), null, ct));

    /// <summary>The volume types this project may use (public ones and private ones it was given access to).</summary>
    public async Task<IReadOnlyList<VolumeType>> ListVolumeTypesAsync(CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, "/types", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Array("volume_types").Select(t => new VolumeType(
            t.Str("id") ?? throw new JsonException("volume type without id"),
            t.Str("name") ?? "",
            t.Bool("is_public") ?? true,
            t.Str("description"))).ToList();
    }

    /// <summary>The type a volume's <c>volume_type</c> names (its id or its name), as Cinder looks it up; null when none is.</summary>
    public static VolumeType? FindVolumeType(IReadOnlyList<VolumeType> types, string nameOrId) =>
        types.FirstOrDefault(t => t.Id == nameOrId) ?? types.FirstOrDefault(t => t.Name == nameOrId);

    public async Task<VolumeLimits> GetLimitsAsync(CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, "/limits", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return new VolumeLimits(doc.RootElement.AbsoluteLimits());
    }

    private Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct) =>
        _session.SendAsync(ServiceKind.BlockStorage, method, path, body, ct);

    private static Volume ReadOne(ApiResponse response)
    {
        using var doc = response.Json();
        return Read(doc.RootElement.Prop("volume") ?? throw new JsonException("answer has no volume"));
    }

    internal static Volume Read(JsonElement v) => new(
        v.Str("id") ?? throw new JsonException("volume without id"),
        v.Str("name"),
        v.Str("status") ?? "unknown",
        (int)(v.Long("size") ?? 0),
        v.Str("volume_type"),
        v.Str("availability_zone"),
        v.Map("metadata"),
        v.Array("attachments")
            .Where(a => a.Str("server_id") is not null)
            .Select(a => new VolumeAttachmentInfo(a.Str("server_id")!, a.Str("device"), a.Str("attachment_id")))
            .ToList(),
        v.Time("created_at"));
}
