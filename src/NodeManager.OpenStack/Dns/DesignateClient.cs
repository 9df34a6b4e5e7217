using System.Text.Json;
using System.Text.Json.Nodes;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Dns;

/// <summary>Designate (DNS v2): the zone lookup and A recordsets node hosts need.</summary>
public sealed class DesignateClient
{
    private readonly OpenStackSession _session;

    internal DesignateClient(OpenStackSession session) => _session = session;

    /// <summary>The zone named <paramref name="name"/> (a trailing dot is added when missing), or null.</summary>
    public async Task<DnsZone?> FindZoneAsync(string name, CancellationToken ct = default)
    {
        var fqdn = Fqdn(name);
        var response = await SendAsync(HttpMethod.Get, "/zones?name=" + Uri.EscapeDataString(fqdn), null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Array("zones")
            .Select(z => new DnsZone(z.Str("id") ?? "", z.Str("name") ?? "", z.Str("status")))
            .FirstOrDefault(z => z.Name == fqdn && z.Id.Length > 0);
    }

    /// <summary>Creates an A recordset (Designate answers 202, status PENDING). Not idempotent: find first.</summary>
    public async Task<Recordset> CreateARecordsetAsync(string zoneId, string name, IReadOnlyList<string> addresses, TimeSpan ttl,
        string? description = null, CancellationToken ct = default)
    {
        var body = BuildCreateBody(name, "A", addresses, ttl, description);
        var response = await SendAsync(HttpMethod.Post, $"/zones/{Uri.EscapeDataString(zoneId)}/recordsets", body, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return Read(doc.RootElement);
    }

    public static JsonObject BuildCreateBody(string name, string type, IReadOnlyList<string> records, TimeSpan ttl, string? description)
    {
        var body = new JsonObject { ["name"] = Fqdn(name) };
        if (description is not null) body["description"] = description;
        body["type"] = type;
        body["ttl"] = (int)ttl.TotalSeconds;
        body["records"] = new JsonArray(records.Select(r => (JsonNode?)r).ToArray());
        return body;
    }

    /// <summary>Recordsets in the zone named exactly <paramref name="name"/> of <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<Recordset>> FindRecordsetsAsync(string zoneId, string name, string type = "A", CancellationToken ct = default)
    {
        var fqdn = Fqdn(name);
        var response = await SendAsync(HttpMethod.Get,
            $"/zones/{Uri.EscapeDataString(zoneId)}/recordsets?name={Uri.EscapeDataString(fqdn)}&type={Uri.EscapeDataString(type)}", null, ct).ConfigureAwait(false);
        using var doc = response.Json();
        return doc.RootElement.Array("recordsets").Select(Read).Where(r => r.Name == fqdn && r.Type == type).ToList();
    }

    /// <summary>The recordset, or null when it does not exist.</summary>
    public async Task<Recordset?> GetRecordsetAsync(string zoneId, string recordsetId, CancellationToken ct = default)
    {
        var response = await NotFoundAs.Null(SendAsync(HttpMethod.Get,
            $"/zones/{Uri.EscapeDataString(zoneId)}/recordsets/{Uri.EscapeDataString(recordsetId)}", null, ct)).ConfigureAwait(false);
        if (response is null) return null;
        using var doc = response.Json();
        return Read(doc.RootElement);
    }

    /// <summary>Replaces the records of an existing recordset (PUT; Designate answers 202, status PENDING).</summary>
    public async Task<Recordset> UpdateRecordsAsync(string zoneId, string recordsetId, IReadOnlyList<string> records, CancellationToken ct = default)
    {
        var body = new JsonObject { ["records"] = new JsonArray(records.Select(r => (JsonNode?)r).ToArray()) };
        var response = await SendAsync(HttpMethod.Put, $"/zones/{Uri.EscapeDataString(zoneId)}/recordsets/{Uri.EscapeDataString(recordsetId)}", body, ct)
            .ConfigureAwait(false);
        using var doc = response.Json();
        return Read(doc.RootElement);
    }

    /// <summary>Deletes; true when this call deleted it, false when it was already gone (404). Does not wait.</summary>
    public Task<bool> DeleteRecordsetAsync(string zoneId, string recordsetId, CancellationToken ct = default) =>
        NotFoundAs.False(SendAsync(HttpMethod.Delete, $"/zones/{Uri.EscapeDataString(zoneId)}/recordsets/{Uri.EscapeDataString(recordsetId)}", null, ct));

    public static string Fqdn(string name) => name.EndsWith('.') ? name : name + ".";

    private Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct) =>
        _session.SendAsync(ServiceKind.Dns, method, path, body, ct);

    private static Recordset Read(JsonElement r) => new(
        r.Str("id") ?? throw new JsonException("recordset without id"),
        r.Str("zone_id") ?? "",
        r.Str("name") ?? "",
        r.Str("type") ?? "",
        r.Array("records").Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
        (int?)r.Long("ttl"),
        r.Str("status"),
        r.Str("action"));
}
