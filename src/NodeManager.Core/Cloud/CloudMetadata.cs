namespace NodeManager.Core.Cloud;

/// <summary>The metadata keys NodeManager puts on every server and volume it creates, so nothing is ever anonymous.</summary>
public static class CloudMetadata
{
    public const string Cluster = "nodemanager-cluster";
    public const string District = "nodemanager-district";
    public const string Node = "nodemanager-node";

    public static IReadOnlyDictionary<string, string> For(string cluster, string district, string node) =>
        new Dictionary<string, string> { [Cluster] = cluster, [District] = district, [Node] = node };

    public static IReadOnlyDictionary<string, string> ForCluster(string cluster) =>
        new Dictionary<string, string> { [Cluster] = cluster };
}
