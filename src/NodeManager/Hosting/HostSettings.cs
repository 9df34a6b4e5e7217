using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>Top-level keys of the service host: <c>node-manager.cluster-name</c>.</summary>
/// <param name="ClusterName">The actor system's name and the <c>nodemanager-cluster</c> metadata on every instance.</param>
public sealed record HostSettings(string ClusterName)
{
    public const int MaxClusterNameLength = 63;

    public static HostSettings Default { get; } = new("nodemanager");

    public static HostSettings Create(Config config)
    {
        const string path = "node-manager.cluster-name";
        var name = config.GetString(path);
        if (name.Length is 0 or > MaxClusterNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw ConfigException.BadValue(config, path,
                $"expected 1 to {MaxClusterNameLength} letters, digits, '-' or '_', got \"{name}\"");
        }

        return new HostSettings(name);
    }
}
