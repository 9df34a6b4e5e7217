using NodeManager.Core.Configuration;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// Which of the three outside worlds the controller acts on are simulated: the cloud (<c>node-manager.cloud</c>), the
/// capacity source (<c>node-manager.capacity.source</c>) and the platform (<c>node-manager.platform.adapter</c>).
/// Simulation is chosen, never defaulted into: reference.conf defaults the capacity source and the platform to the
/// simulator but the cloud to a real OpenStack, so a file that names only its cloud would scale real servers on
/// simulated demand. <see cref="Validate"/> refuses that unless the operator's files set those keys themselves.
/// </summary>
public sealed record SimulatedParts(bool Cloud, bool CapacitySource, bool Platform)
{
    public const string CapacitySourcePath = "node-manager.capacity.source";
    public const string PlatformAdapterPath = "node-manager.platform.adapter";
    private const string Simulated = "simulated";

    public static SimulatedParts Of(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SimulatedParts(
            config.GetString(HostSettings.CloudPath) == Simulated,
            config.GetString(CapacitySourcePath) == Simulated,
            config.GetString(PlatformAdapterPath) == Simulated);
    }

    /// <summary>A real cloud driven by a simulated capacity source or platform.</summary>
    public bool Mixed => !Cloud && (CapacitySource || Platform);

    /// <summary>The names of the simulated parts (<paramref name="simulated"/> true) or the real ones, "none" when there are none.</summary>
    public string Names(bool simulated)
    {
        var names = new[] { ("cloud", Cloud), ("capacity source", CapacitySource), ("platform", Platform) }
            .Where(part => part.Item2 == simulated)
            .Select(part => part.Item1)
            .ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>
    /// With a real cloud (<c>node-manager.cloud = openstack</c>), an error for each of the capacity source and the
    /// platform that is simulated only because reference.conf says so. A key counts as the operator's when its
    /// effective value comes from one of the operator's files (written there, or through a substitution that found a
    /// value); <paramref name="effective"/> is the operator's files over the reference, resolved.
    /// </summary>
    public static IEnumerable<ConfigException> Validate(Config effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        if (!effective.HasPath(HostSettings.CloudPath) || effective.GetValue(HostSettings.CloudPath) is not ConfigScalar { Text: "openstack" } cloud)
        {
            yield break;
        }

        var where = IsDefault(effective, HostSettings.CloudPath) ? "by default" : $"at {cloud.Origin}";
        foreach (var (path, choices) in new[] { (CapacitySourcePath, "command, http or file"), (PlatformAdapterPath, "command, http or stdout") })
        {
            if (effective.HasPath(path) && effective.GetValue(path) is ConfigScalar { Text: Simulated } && IsDefault(effective, path))
            {
                yield return new ConfigException(effective.GetOrigin(path), path,
                    $"simulated only by reference.conf's default, while {HostSettings.CloudPath} = openstack ({where}) drives a real cloud; " +
                    $"set it to {choices}, or to simulated in your file to run the simulator against the real cloud on purpose");
            }
        }
    }

    private static bool IsDefault(Config effective, string path) =>
        effective.GetOrigin(path)?.Description == NodeManagerConfig.ReferenceOriginName;
}
