namespace NodeManager.Core.Profiles;

/// <summary>
/// How a node of one profile is built and named (<c>node-manager.profiles.&lt;name&gt;</c>, every profile falling back
/// on <c>node-manager.profiles.default</c>).
/// </summary>
public sealed record ProfileSettings(string Name, string Image, string Flavor)
{
    public string? KeyName { get; init; }

    public IReadOnlyList<string> Networks { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public string? AvailabilityZone { get; init; }

    /// <summary>vCPUs and RAM of the flavor, for the quota check before a launch (0 = not checked).</summary>
    public int Cores { get; init; }

    public int RamMb { get; init; }

    public VolumeSettings Volume { get; init; } = VolumeSettings.None;

    public DnsSettings Dns { get; init; } = DnsSettings.None;

    /// <summary>User-data template; see <see cref="UserDataTemplate"/> for the variables.</summary>
    public string UserData { get; init; } = "";

    public NamingSettings Naming { get; init; } = NamingSettings.Default;
}

/// <summary>The optional data volume of a node.</summary>
public sealed record VolumeSettings(bool Enabled, int SizeGb, string? Type, string? Device)
{
    public static VolumeSettings None { get; } = new(false, 0, null, null);
}

/// <summary>The optional DNS A record of a node, in <see cref="Zone"/> (e.g. "example.com.").</summary>
public sealed record DnsSettings(bool Enabled, string Zone, int TtlSeconds)
{
    public static DnsSettings None { get; } = new(false, "", 300);
}
