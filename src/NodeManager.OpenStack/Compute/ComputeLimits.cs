namespace NodeManager.OpenStack.Compute;

/// <summary>Nova's absolute limits and usage (<c>GET /limits</c>); -1 means unlimited.</summary>
public sealed record ComputeLimits(IReadOnlyDictionary<string, long> Absolute)
{
    public long MaxInstances => Get("maxTotalInstances");
    public long InstancesUsed => Get("totalInstancesUsed");
    public long MaxCores => Get("maxTotalCores");
    public long CoresUsed => Get("totalCoresUsed");
    public long MaxRamMiB => Get("maxTotalRAMSize");
    public long RamUsedMiB => Get("totalRAMUsed");

    private long Get(string key) => Absolute.TryGetValue(key, out var v) ? v : -1;
}
