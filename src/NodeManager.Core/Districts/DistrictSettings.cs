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
        var reader = new SettingsReader(defaults);
        var fallback = Read(reader);
        var named = root.Keys.Where(k => k != "default").ToDictionary(
            name => name,
            name => Read(reader.For(root.GetConfig(Profiles.ProfilesSettings.ConfigKey(name)).WithFallback(defaults))),
            StringComparer.Ordinal);
        return reader.Result(new DistrictsSettings(fallback, named));
    }

    private static DistrictSettings Read(SettingsReader c)
    {
        var min = c.Int("min-nodes", 0);
        var max = c.Int("max-nodes", 0);
        c.Require(max >= min, "max-nodes", $"must be ≥ min-nodes ({min}), got {max}", "min-nodes");
        return new DistrictSettings(min, max, c.StringList("scale-in-protected"), c.Boolean("paused"));
    }
}
