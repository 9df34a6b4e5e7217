using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>Top-level keys of the service host: <c>node-manager.cluster-name</c> and <c>node-manager.cloud</c>.</summary>
/// <param name="ClusterName">The actor system's name and the <c>nodemanager-cluster</c> metadata on every instance.</param>
/// <param name="Cloud">Which OpenStack the controller drives: a real one, or the simulator started in-process.</param>
public sealed record HostSettings(string ClusterName, CloudKind Cloud)
{
    public const int MaxClusterNameLength = 63;

    public static HostSettings Default { get; } = new("nodemanager", CloudKind.OpenStack);

    public static HostSettings Create(Config config)
    {
        const string namePath = "node-manager.cluster-name";
        var name = config.GetString(namePath);
        if (name.Length is 0 or > MaxClusterNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw ConfigException.BadValue(config, namePath,
                $"expected 1 to {MaxClusterNameLength} letters, digits, '-' or '_', got \"{name}\"");
        }

        const string cloudPath = "node-manager.cloud";
        var cloud = config.GetString(cloudPath) switch
        {
            "openstack" => CloudKind.OpenStack,
            "simulated" => CloudKind.Simulated,
            var other => throw ConfigException.BadValue(config, cloudPath, $"expected openstack or simulated, got \"{other}\""),
        };
        return new HostSettings(name, cloud);
    }
}

public enum CloudKind
{
    /// <summary>The cloud of <c>node-manager.openstack</c> (clouds.yaml, OS_* variables or its auth block).</summary>
    OpenStack,

    /// <summary>The OpenStack API simulator of <c>node-manager.simulators.openstack</c>, started in-process.</summary>
    Simulated,
}
