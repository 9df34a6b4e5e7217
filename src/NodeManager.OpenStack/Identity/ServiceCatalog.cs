using System.Text.Json;
using NodeManager.OpenStack.Errors;

namespace NodeManager.OpenStack.Identity;

/// <summary>One endpoint of the Keystone v3 catalog.</summary>
public sealed record CatalogEndpoint(string ServiceType, string? ServiceName, string Interface, string? Region, string Url);

/// <summary>The service catalog a token came with; picks endpoints by service type, interface and region.</summary>
public sealed class ServiceCatalog(IReadOnlyList<CatalogEndpoint> endpoints)
{
    public IReadOnlyList<CatalogEndpoint> Endpoints { get; } = endpoints;

    /// <summary>
    /// The URL of the first service type in <paramref name="serviceTypes"/> (order = preference) that has an
    /// endpoint with <paramref name="interface"/> in <paramref name="region"/> (any region when null).
    /// Throws <see cref="CatalogException"/> naming what was looked for and what the catalog offers.
    /// </summary>
    public CatalogEndpoint Find(IReadOnlyList<string> serviceTypes, string @interface, string? region)
    {
        foreach (var type in serviceTypes)
        {
            var match = Endpoints.FirstOrDefault(e =>
                string.Equals(e.ServiceType, type, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.Interface, @interface, StringComparison.OrdinalIgnoreCase)
                && (region is null || string.Equals(e.Region, region, StringComparison.OrdinalIgnoreCase)));
            if (match is not null) return match;
        }
        var wanted = $"service type {string.Join(" or ", serviceTypes)}, interface {@interface}" + (region is null ? "" : $", region {region}");
        throw new CatalogException($"the service catalog has no endpoint for {wanted}; it offers: {Describe()}");
    }

    /// <summary>e.g. <c>compute (public, internal @RegionOne), identity (public @RegionOne)</c>; "nothing" for an empty catalog.</summary>
    public string Describe() =>
        Endpoints.Count == 0
            ? "nothing"
            : string.Join(", ", Endpoints
                .GroupBy(e => e.ServiceType)
                .Select(g => $"{g.Key} ({string.Join(", ", g.Select(e => e.Region is null ? e.Interface : $"{e.Interface} @{e.Region}").Distinct())})"));

    /// <summary>Parses <c>token.catalog</c>; tolerates a missing catalog (an unscoped token) and v2-style region-only entries.</summary>
    public static ServiceCatalog Parse(JsonElement token)
    {
        var list = new List<CatalogEndpoint>();
        if (token.TryGetProperty("catalog", out var catalog) && catalog.ValueKind == JsonValueKind.Array)
        {
            foreach (var service in catalog.EnumerateArray())
            {
                var type = service.Str("type");
                if (type is null || !service.TryGetProperty("endpoints", out var eps) || eps.ValueKind != JsonValueKind.Array) continue;
                foreach (var ep in eps.EnumerateArray())
                {
                    var url = ep.Str("url");
                    if (url is null) continue;
                    list.Add(new CatalogEndpoint(type, service.Str("name"), ep.Str("interface") ?? "public", ep.Str("region_id") ?? ep.Str("region"), url));
                }
            }
        }
        return new ServiceCatalog(list);
    }
}
