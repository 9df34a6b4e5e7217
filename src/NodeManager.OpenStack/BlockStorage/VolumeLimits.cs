namespace NodeManager.OpenStack.BlockStorage;

/// <summary>Cinder's absolute limits and usage (<c>GET /limits</c>).</summary>
public sealed record VolumeLimits(IReadOnlyDictionary<string, long> Absolute) : AbsoluteLimits(Absolute)
{
    public long MaxVolumes => Get("maxTotalVolumes");
    public long VolumesUsed => Get("totalVolumesUsed");
    public long MaxGigabytes => Get("maxTotalVolumeGigabytes");
    public long GigabytesUsed => Get("totalGigabytesUsed");
}
