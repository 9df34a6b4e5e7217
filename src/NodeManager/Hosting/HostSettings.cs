using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>Top-level keys of the service host: <c>node-manager.cluster-name</c> and <c>node-manager.cloud</c>.</summary>
/// <param name="ClusterName">The actor system's name and the <c>nodemanager-cluster</c> metadata on every instance.</param>
/// <param name="Cloud">Which OpenStack the controller drives: a real one, or the simulator started in-process.</param>
public sealed record HostSettings(string ClusterName, CloudKind Cloud)
{
    public const int MaxClusterNameLength = 63;

    public static HostSettings Default { get; } = new("nodemanager", CloudKind.OpenStack);

    public const string CloudPath = "node-manager.cloud";

    /// <exception cref="ConfigException">One key is wrong.</exception>
    /// <exception cref="ConfigErrorsException">Both are.</exception>
    public static HostSettings Create(Config config)
    {
        var reader = new SettingsReader(config);
        const string namePath = "node-manager.cluster-name";
        var name = reader.String(namePath);
        reader.Require(name.Length is > 0 and <= MaxClusterNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), namePath,
            $"expected 1 to {MaxClusterNameLength} letters, digits, '-' or '_', got \"{name}\"");

        var cloudText = reader.String(CloudPath);
        var cloud = cloudText switch
        {
            "openstack" => CloudKind.OpenStack,
            "simulated" => CloudKind.Simulated,
            _ => (CloudKind?)null,
        };
        reader.Require(cloud is not null, CloudPath, $"expected openstack or simulated, got \"{cloudText}\"");
        return reader.Result(new HostSettings(name, cloud ?? CloudKind.OpenStack));
    }
}

public enum CloudKind
{
    /// <summary>The cloud of <c>node-manager.openstack</c> (clouds.yaml, OS_* variables or its auth block).</summary>
    OpenStack,

    /// <summary>The OpenStack API simulator of <c>node-manager.simulators.openstack</c>, started in-process.</summary>
    Simulated,
}
