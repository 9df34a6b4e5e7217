namespace NodeManager.Core.Cloud.Simulated;

/// <summary>The size of one flavor of <see cref="SimulatedCloud"/>: what a server of it takes from the cores and RAM quotas.</summary>
public sealed record SimulatedFlavor(int Vcpus, int RamMb)
{
    /// <summary>Nova's API sample flavors, which the OpenStack API simulator serves too.</summary>
    public static IReadOnlyDictionary<string, SimulatedFlavor> NovaSamples { get; } = new Dictionary<string, SimulatedFlavor>(StringComparer.Ordinal)
    {
        ["m1.tiny"] = new(1, 512),
        ["m1.small"] = new(1, 2048),
        ["m1.medium"] = new(2, 4096),
        ["m1.large"] = new(4, 8192),
        ["m1.xlarge"] = new(8, 16384),
    };
}
