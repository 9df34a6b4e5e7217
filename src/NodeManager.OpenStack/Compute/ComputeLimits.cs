namespace NodeManager.OpenStack.Compute;

/// <summary>Nova's absolute limits and usage (<c>GET /limits</c>).</summary>
public sealed record ComputeLimits(IReadOnlyDictionary<string, long> Absolute) : AbsoluteLimits(Absolute)
{
    public long MaxInstances => Get("maxTotalInstances");
    public long InstancesUsed => Get("totalInstancesUsed");
    public long MaxCores => Get("maxTotalCores");
    public long CoresUsed => Get("totalCoresUsed");
    public long MaxRamMiB => Get("maxTotalRAMSize");
    public long RamUsedMiB => Get("totalRAMUsed");
}
