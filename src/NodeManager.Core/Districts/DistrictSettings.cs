using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Districts;

/// <summary>The bounds and protections of one district.</summary>
public sealed record DistrictSettings(int MinNodes, int MaxNodes, IReadOnlyList<string> ScaleInProtected, bool Paused)
{
    public static DistrictSettings Default { get; } = new(0, 100, [], false);
}

/// <summary>
/// <c>node-manager.districts</c>: <c>default</c> applies to every district the capacity source reports; any other key
/// names a district whose keys override <c>default</c>.
/// </summary>
public sealed class DistrictsSettings(DistrictSettings fallback, IReadOnlyDictionary<string, DistrictSettings> named)
{
    public static DistrictsSettings Uniform(DistrictSettings settings) => new(settings, new Dictionary<string, DistrictSettings>());

    public DistrictSettings For(string district) => named.TryGetValue(district, out var d) ? d : fallback;

    public static DistrictsSettings Create(Config config)
    {
        var root = config.GetConfig("node-manager.districts");
        var defaults = root.GetConfig("default");
        var named = root.Keys.Where(k => k != "default").ToDictionary(
            name => name,
            name => Read(root.GetConfig(Profiles.ProfilesSettings.ConfigKey(name)).WithFallback(defaults)),
            StringComparer.Ordinal);
        return new DistrictsSettings(Read(defaults), named);
    }

    private static DistrictSettings Read(Config c)
    {
        var min = ConfigChecks.Int(c, "min-nodes", 0);
        var max = ConfigChecks.Int(c, "max-nodes", 0);
        if (max < min) throw ConfigException.BadValue(c, "max-nodes", $"must be ≥ min-nodes ({min}), got {max}");
        return new DistrictSettings(min, max, c.GetStringList("scale-in-protected"), c.GetBoolean("paused"));
    }
}
