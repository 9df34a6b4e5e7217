namespace NodeManager.OpenStack.Http;

/// <summary>A service the client talks to and the catalog types that provide it, in order of preference.</summary>
public sealed record ServiceKind(string Name, IReadOnlyList<string> CatalogTypes, string? VersionSuffix)
{
    public static readonly ServiceKind Compute = new("compute", ["compute"], null);
    public static readonly ServiceKind BlockStorage = new("block-storage", ["block-storage", "volumev3", "volumev2", "volume"], null);
    /// <summary>Designate's catalog URL is unversioned; the API lives under <c>/v2</c>.</summary>
    public static readonly ServiceKind Dns = new("dns", ["dns"], "/v2");
    /// <summary>Glance's catalog URL is unversioned; the API lives under <c>/v2</c>.</summary>
    public static readonly ServiceKind Image = new("image", ["image"], "/v2");
    /// <summary>Neutron's catalog URL is unversioned; the API lives under <c>/v2.0</c>.</summary>
    public static readonly ServiceKind Network = new("network", ["network"], "/v2.0");

    public static IReadOnlyList<ServiceKind> All { get; } = [Compute, BlockStorage, Dns, Image, Network];

    /// <summary>The base URL calls are appended to: the catalog URL plus the version suffix unless it already ends with it.</summary>
    public string BaseUrl(string catalogUrl)
    {
        var url = catalogUrl.TrimEnd('/');
        return VersionSuffix is null || url.EndsWith(VersionSuffix, StringComparison.OrdinalIgnoreCase) ? url : url + VersionSuffix;
    }
}
