namespace NodeManager.Simulators.OpenStack.State;

internal sealed record SimFlavor(string Id, string Name, int Vcpus, int RamMiB, int DiskGiB);

internal sealed record SimImage(string Id, string Name, long Size, DateTimeOffset Created);

internal sealed record SimVolumeType(string Id, string Name, string? Description);

internal sealed record SimNetwork(string Id, string Name);

/// <summary>
/// The flavors (Nova's api sample set), images (Glance's sample plus a NodeManager node image), volume types
/// (Cinder's <c>__DEFAULT__</c> and devstack's LVM type) and networks (configured) the simulator offers.
/// </summary>
internal static class SimCatalogData
{
    public static IReadOnlyList<SimFlavor> Flavors { get; } =
    [
        new("1", "m1.tiny", 1, 512, 1),
        new("2", "m1.small", 1, 2048, 20),
        new("3", "m1.medium", 2, 4096, 40),
        new("4", "m1.large", 4, 8192, 80),
        new("5", "m1.xlarge", 8, 16384, 160),
        new("6", "m1.tiny.specs", 1, 512, 1),
    ];

    public static IReadOnlyList<SimImage> Images { get; } =
    [
        new("1bea47ed-f6a9-463b-b423-14b9cca9ad27", "cirros-0.3.2-x86_64-disk", 13167616, new DateTimeOffset(2014, 11, 7, 17, 7, 6, TimeSpan.Zero)),
        new("781b3762-9469-4cec-b58d-3349e5de4e9c", "F17-x86_64-cfntools", 476704768, new DateTimeOffset(2014, 10, 30, 8, 23, 39, TimeSpan.Zero)),
        new("70a599e0-31e7-49b7-b260-868f441e862b", "node-host", 1073741824, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    public static IReadOnlyList<SimVolumeType> VolumeTypes { get; } =
    [
        new("0d2c6d2e-5a2f-4d1e-9b3c-6f1b2a8e7c10", "__DEFAULT__", "Default Volume Type"),
        new("5f4a3b2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c", "lvmdriver-1", null),
    ];

    /// <summary>The configured networks, each with an id derived from its name so that it survives a restart.</summary>
    public static IReadOnlyList<SimNetwork> Networks(IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Select(n =>
            new SimNetwork(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("network:" + n))).ToString(), n))];
}
