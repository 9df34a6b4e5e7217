namespace NodeManager.OpenStack.BlockStorage;

/// <summary>Cinder's absolute limits and usage (<c>GET /limits</c>); -1 means unlimited.</summary>
public sealed record VolumeLimits(IReadOnlyDictionary<string, long> Absolute)
{
    public long MaxVolumes => Get("maxTotalVolumes");
    public long VolumesUsed => Get("totalVolumesUsed");
    public long MaxGigabytes => Get("maxTotalVolumeGigabytes");
    public long GigabytesUsed => Get("totalGigabytesUsed");

    private long Get(string key) => Absolute.TryGetValue(key, out var v) ? v : -1;
}
