using System.Collections.Concurrent;
using System.Text.Json;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Networking;

/// <summary>
/// Neutron (Networking API v2.0) network lookups: how the client turns a profile's network name into the uuid Nova's
/// <c>networks</c> field takes. Read-only; nothing waits.
/// </summary>
public sealed class NeutronClient
{
    private readonly OpenStackSession _session;
    private readonly ConcurrentDictionary<string, string> _resolved = new(StringComparer.Ordinal);

    internal NeutronClient(OpenStackSession session) => _session = session;

    /// <summary>Networks the project may use, optionally only those named exactly <paramref name="name"/>; follows Neutron's pages.</summary>
    public async Task<IReadOnlyList<NeutronNetwork>> ListNetworksAsync(string? name = null, CancellationToken ct = default)
    {
        var networks = await MarkerPages.ListAllAsync(path => _session.SendAsync(ServiceKind.Network, HttpMethod.Get, path, null, ct),
            "/networks", name is null ? null : "name=" + Uri.EscapeDataString(name), "networks", "networks_links", Read, n => n.Id).ConfigureAwait(false);
        // Filtered again here: a Neutron that ignored the name filter must not resolve to some other network.
        return name is null ? networks : networks.Where(n => n.Name == name).ToList();
    }

    /// <summary>Throws <see cref="NotFoundException"/> when no network has this id (or the project may not see it).</summary>
    public async Task<NeutronNetwork> GetNetworkAsync(string id, CancellationToken ct = default)
    {
        var response = await _session.SendAsync(ServiceKind.Network, HttpMethod.Get, "/networks/" + Uri.EscapeDataString(id), null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return Read(doc.RootElement.Prop("network") ?? throw new JsonException("answer has no network"));
    }

    /// <summary>
    /// The networks a profile's value names, as a launch resolves it: the network with that id when it is a uuid, else
    /// every network of that name (several = ambiguous). Empty when none does.
    /// </summary>
    public async Task<IReadOnlyList<NeutronNetwork>> FindAsync(string nameOrId, CancellationToken ct = default)
    {
        if (!IsId(nameOrId)) return await ListNetworksAsync(nameOrId, ct).ConfigureAwait(false);
        return await NotFoundAs.Null(GetNetworkAsync(nameOrId, ct)).ConfigureAwait(false) is { } network ? [network] : [];
    }

    /// <summary>
    /// The uuid for a network name or uuid. A uuid passes through untouched (Nova checks it); a name is looked up once
    /// and cached for the client's lifetime. Throws <see cref="NotFoundException"/> when no network has that name and
    /// <see cref="BadRequestException"/> when several do: neither passes by itself.
    /// </summary>
    public async Task<string> ResolveAsync(string nameOrId, CancellationToken ct = default)
    {
        if (IsId(nameOrId)) return nameOrId;
        if (_resolved.TryGetValue(nameOrId, out var cached)) return cached;
        var call = "GET /v2.0/networks?name=" + nameOrId;
        var found = await ListNetworksAsync(nameOrId, ct).ConfigureAwait(false);
        return found switch
        {
            [var only] => _resolved[nameOrId] = only.Id,
            [] => throw new NotFoundException(call, $"no network named or with id '{nameOrId}'", null),
            _ => throw new BadRequestException(call, 409,
                $"{found.Count} networks are named '{nameOrId}' ({string.Join(", ", found.Select(n => n.Id))}): name one by its id", null),
        };
    }

    /// <summary>Nova takes a network by uuid; anything else is a name to look up.</summary>
    public static bool IsId(string value) => Guid.TryParse(value, out _);

    private static NeutronNetwork Read(JsonElement n) => new(
        n.Str("id") ?? throw new JsonException("network without id"),
        n.Str("name") ?? "",
        n.Str("status") ?? "UNKNOWN",
        n.Bool("shared") ?? false,
        n.Bool("router:external") ?? false,
        n.Str("project_id") ?? n.Str("tenant_id"));
}
