using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Profiles;

/// <summary>
/// Every profile of <c>node-manager.profiles</c>: each key but <c>default</c> names a profile whose keys fall back on
/// <c>default</c>; a district whose profile is not named gets <c>default</c> under its own name.
/// </summary>
public sealed class ProfilesSettings
{
    private readonly Dictionary<string, ProfileSettings> _profiles;
    private readonly Func<string, ProfileSettings> _fallback;

    public ProfilesSettings(IEnumerable<ProfileSettings> profiles, Func<string, ProfileSettings> fallback)
    {
        _profiles = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _fallback = fallback;
    }

    /// <summary>One profile used for every district (tests and benchmarks).</summary>
    public static ProfilesSettings Single(ProfileSettings profile) => new([], name => profile with { Name = name });

    public IReadOnlyCollection<string> Names => _profiles.Keys;

    public ProfileSettings For(string name) => _profiles.TryGetValue(name, out var p) ? p : _fallback(name);

    public static ProfilesSettings Create(Config config)
    {
        var root = config.GetConfig("node-manager.profiles");
        var defaults = root.GetConfig("default");
        var named = root.Keys.Where(k => k != "default")
            .Select(name => Read(root.GetConfig(ConfigKey(name)).WithFallback(defaults), name))
            .ToList();
        var fallback = Read(defaults, "default");
        return new ProfilesSettings(named, name => fallback with { Name = name });
    }

    internal static string ConfigKey(string name) => name.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_') ? name : $"\"{name}\"";

    private static ProfileSettings Read(Config c, string name)
    {
        var volumeSize = c.GetByteSize("volume.size");
        return new ProfileSettings(name, c.GetString("image"), c.GetString("flavor"))
        {
            KeyName = ConfigChecks.Optional(c, "key-name"),
            Networks = c.GetStringList("networks"),
            SecurityGroups = c.GetStringList("security-groups"),
            AvailabilityZone = ConfigChecks.Optional(c, "availability-zone"),
            Cores = ConfigChecks.Int(c, "cores", 0),
            RamMb = ConfigChecks.Int(c, "ram-mb", 0),
            Volume = new VolumeSettings(
                c.GetBoolean("volume.enabled"),
                (int)Math.Ceiling(volumeSize / (1024.0 * 1024 * 1024)),
                ConfigChecks.Optional(c, "volume.type"),
                ConfigChecks.Optional(c, "volume.device")),
            Dns = new DnsSettings(c.GetBoolean("dns.enabled"), c.GetString("dns.zone"), (int)ConfigChecks.Duration(c, "dns.ttl").TotalSeconds),
            UserData = c.GetString("user-data"),
            Naming = new NamingSettings(
                c.GetString("naming.base-name"),
                c.GetString("naming.server-separator"),
                c.GetString("naming.host-separator"),
                c.GetString("naming.domain")),
        };
    }
}
