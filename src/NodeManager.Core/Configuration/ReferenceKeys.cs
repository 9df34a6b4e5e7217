using NodeManager.Hocon;

namespace NodeManager.Core.Configuration;

/// <summary>The leaf keys of the embedded reference.conf, for cross-checks against what settings records read.</summary>
public static class ReferenceKeys
{
    /// <summary>Every leaf path (lists and empty objects count as leaves), e.g. <c>node-manager.management.port</c>.</summary>
    public static IReadOnlyList<string> All() => Leaves(NodeManagerConfig.Reference.Root, []).ToList();

    /// <summary>Reference leaves that no recorded read covers (a read key, or a <c>path.*</c> enumeration above it).</summary>
    public static IReadOnlyList<string> NotReadBy(ConfigKeyTracker tracker) =>
        All().Where(leaf => !tracker.Covers(leaf)).ToList();

    /// <summary>Keys a tracker saw read that reference.conf does not define.</summary>
    public static IReadOnlyList<string> Undocumented(ConfigKeyTracker tracker)
    {
        var reference = NodeManagerConfig.Reference;
        return tracker.ReadPaths.Where(p => !p.EndsWith(".*", StringComparison.Ordinal) && !reference.HasPathOrNull(p)).ToList();
    }

    private static IEnumerable<string> Leaves(ConfigObject obj, IReadOnlyList<string> prefix) =>
        obj.Fields.SelectMany(f => f.Value is ConfigObject { Count: > 0 } child
            ? Leaves(child, [.. prefix, f.Key])
            : [ConfigPath.Join([.. prefix, f.Key])]);
}
