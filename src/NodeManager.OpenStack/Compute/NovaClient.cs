using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;
using NodeManager.OpenStack.Image;
using NodeManager.OpenStack.Networking;

namespace NodeManager.OpenStack.Compute;

/// <summary>Nova (compute v2.1) with an explicit microversion on every call. No member waits for a state change.</summary>
public sealed class NovaClient
{
    private readonly OpenStackSession _session;
    private readonly GlanceClient _images;
    private readonly NeutronClient _networks;
    private readonly KeyValuePair<string, string>[] _microversion;
    private readonly bool _networksRequired;
    private readonly ConcurrentDictionary<string, string> _resolvedImages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _resolvedFlavors = new(StringComparer.Ordinal);

    internal NovaClient(OpenStackSession session, GlanceClient images, NeutronClient networks, string microversion)
    {
        _session = session;
        _images = images;
        _networks = networks;
        Microversion = microversion;
        _microversion = [new("OpenStack-API-Version", $"compute {microversion}"), new("X-OpenStack-Nova-API-Version", microversion)];
        _networksRequired = Version.TryParse(microversion, out var v) && v >= new Version(2, 37);
    }

    public string Microversion { get; }

    /// <summary>Boots a server; returns its id at once (status BUILD). Not idempotent: look up by name first.</summary>
    public async Task<string> CreateServerAsync(ServerCreateSpec spec, CancellationToken ct = default)
    {
        var image = await ResolveImageAsync(spec.Image, ct).ConfigureAwait(false);
        var flavor = await ResolveFlavorAsync(spec.Flavor, ct).ConfigureAwait(false);
        var networks = await ResolveNetworksAsync(spec.Networks, ct).ConfigureAwait(false);
        var body = BuildCreateBody(spec with { Networks = networks }, image, flavor);
        var response = await SendAsync(HttpMethod.Post, "/servers", body, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Prop("server")?.Str("id") ?? throw new JsonException("create server answer has no server.id");
    }

    /// <summary>Network names become uuids through Neutron (cached); uuids and Nova's "auto" and "none" pass through.</summary>
    private async Task<IReadOnlyList<string>> ResolveNetworksAsync(IReadOnlyList<string> networks, CancellationToken ct)
    {
        if (networks is [] or ["auto" or "none"]) return networks;
        var ids = new List<string>(networks.Count);
        foreach (var network in networks)
            ids.Add(await _networks.ResolveAsync(network, ct).ConfigureAwait(false));
        return ids;
    }

    /// <summary>The request body for <see cref="CreateServerAsync"/> with image, flavor and networks already resolved to ids.</summary>
    public JsonObject BuildCreateBody(ServerCreateSpec spec, string imageId, string flavorId)
    {
        var server = new JsonObject
        {
            ["name"] = spec.Name,
            ["imageRef"] = imageId,
            ["flavorRef"] = flavorId,
        };
        if (spec.AvailabilityZone is not null) server["availability_zone"] = spec.AvailabilityZone;
        if (spec.KeyName is not null) server["key_name"] = spec.KeyName;
        server["metadata"] = new JsonObject(spec.Metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        if (spec.SecurityGroups.Count > 0)
            server["security_groups"] = new JsonArray(spec.SecurityGroups.Select(g => (JsonNode?)new JsonObject { ["name"] = g }).ToArray());
        if (spec.UserData is not null) server["user_data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(spec.UserData));
        if (spec.Networks.Count == 1 && spec.Networks[0] is "auto" or "none")
            server["networks"] = spec.Networks[0];
        else if (spec.Networks.Count > 0)
            server["networks"] = new JsonArray(spec.Networks.Select(n => (JsonNode?)new JsonObject { ["uuid"] = n }).ToArray());
        else if (_networksRequired)
            server["networks"] = "auto";
        return new JsonObject { ["server"] = server };
    }

    /// <summary>Throws <see cref="NotFoundException"/> when the server does not exist.</summary>
    public async Task<Server> GetServerAsync(string id, CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"/servers/{Uri.EscapeDataString(id)}", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return NovaJson.Server(doc.RootElement.Prop("server") ?? throw new JsonException("answer has no server"));
    }

    /// <summary>Servers whose name is exactly <paramref name="name"/> (Nova's filter is a regex, so it is anchored and escaped).</summary>
    public async Task<IReadOnlyList<Server>> ListServersByNameAsync(string name, CancellationToken ct = default)
    {
        var all = await ListAsync("name=" + Uri.EscapeDataString($"^{Regex.Escape(name)}$"), ct).ConfigureAwait(false);
        return all.Where(s => s.Name == name).ToList();
    }

    /// <summary>Servers carrying every given metadata pair (Nova cannot filter on metadata, so this lists all and filters).</summary>
    public async Task<IReadOnlyList<Server>> ListServersByMetadataAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        var all = await ListAsync(null, ct).ConfigureAwait(false);
        return all.Where(s => metadata.All(kv => s.Metadata.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
    }

    private Task<List<Server>> ListAsync(string? filter, CancellationToken ct) =>
        MarkerPages.ListAllAsync(path => SendAsync(HttpMethod.Get, path, null, ct), "/servers/detail", filter,
            "servers", "servers_links", NovaJson.Server, s => s.Id);

    /// <summary>Deletes a server; true when this call deleted it, false when it was already gone (404). Does not wait.</summary>
    public Task<bool> DeleteServerAsync(string id, CancellationToken ct = default) =>
        NotFoundAs.False(SendAsync(HttpMethod.Delete, $"/servers/{Uri.EscapeDataString(id)}", null, ct));

    /// <summary>Asks Nova to attach a volume. From 2.101 Nova answers 202 without a body: then null is returned; poll cinder.</summary>
    public async Task<VolumeAttachment?> AttachVolumeAsync(string serverId, string volumeId, string? device = null, CancellationToken ct = default)
    {
        var attachment = new JsonObject { ["volumeId"] = volumeId };
        if (device is not null) attachment["device"] = device;
        var response = await SendAsync(HttpMethod.Post, $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments",
            new JsonObject { ["volumeAttachment"] = attachment }, ct).ConfigureAwait(false);
        if (response.IsEmpty) return null;
        using var doc = response.Json();
        return doc.RootElement.Prop("volumeAttachment") is { } a ? NovaJson.Attachment(a, serverId) : null;
    }

    public async Task<IReadOnlyList<VolumeAttachment>> ListVolumeAttachmentsAsync(string serverId, CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Array("volumeAttachments").Select(a => NovaJson.Attachment(a, serverId)).ToList();
    }

    /// <summary>The attachment of <paramref name="volumeId"/> to the server, or null when it is not attached (404).</summary>
    public async Task<VolumeAttachment?> GetVolumeAttachmentAsync(string serverId, string volumeId, CancellationToken ct = default)
    {
        var response = await NotFoundAs.Null(SendAsync(HttpMethod.Get,
            $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments/{Uri.EscapeDataString(volumeId)}", null, ct)).ConfigureAwait(false);
        if (response is null) return null;
        using var doc = response.Json();
        return doc.RootElement.Prop("volumeAttachment") is { } a ? NovaJson.Attachment(a, serverId) : null;
    }

    /// <summary>Detaches; true when this call detached it, false when it was not attached (404). Does not wait.</summary>
    public Task<bool> DetachVolumeAsync(string serverId, string volumeId, CancellationToken ct = default) =>
        NotFoundAs.False(SendAsync(HttpMethod.Delete,
            $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments/{Uri.EscapeDataString(volumeId)}", null, ct));

    public async Task<ComputeLimits> GetLimitsAsync(CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, "/limits", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return new ComputeLimits(doc.RootElement.AbsoluteLimits());
    }

    public async Task<IReadOnlyList<Flavor>> ListFlavorsAsync(CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.Get, "/flavors/detail", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Array("flavors").Select(NovaJson.Flavor).ToList();
    }

    /// <summary>A flavor id for a name or id; cached for the client's lifetime.</summary>
    public async Task<string> ResolveFlavorAsync(string nameOrId, CancellationToken ct = default)
    {
        if (_resolvedFlavors.TryGetValue(nameOrId, out var cached)) return cached;
        var flavors = await ListFlavorsAsync(ct).ConfigureAwait(false);
        var match = FindFlavor(flavors, nameOrId);
        if (match?.Id is null)
            throw new NotFoundException("GET /flavors/detail",
                $"no flavor named or with id '{nameOrId}' (the cloud has: {string.Join(", ", flavors.Select(f => f.Name))})", null);
        return _resolvedFlavors[nameOrId] = match.Id;
    }

    /// <summary>The flavor <see cref="ResolveFlavorAsync"/> picks for a name or id (an id wins over a name); null when none matches.</summary>
    public static Flavor? FindFlavor(IReadOnlyList<Flavor> flavors, string nameOrId) =>
        flavors.FirstOrDefault(f => f.Id == nameOrId) ?? flavors.FirstOrDefault(f => f.Name == nameOrId);

    /// <summary>An image id for a name or id (through Glance); cached for the client's lifetime.</summary>
    public async Task<string> ResolveImageAsync(string nameOrId, CancellationToken ct = default)
    {
        if (_resolvedImages.TryGetValue(nameOrId, out var cached)) return cached;
        var id = await _images.ResolveAsync(nameOrId, ct).ConfigureAwait(false);
        return _resolvedImages[nameOrId] = id;
    }

    private Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct) =>
        _session.SendAsync(ServiceKind.Compute, method, path, body, ct, _microversion);
}
