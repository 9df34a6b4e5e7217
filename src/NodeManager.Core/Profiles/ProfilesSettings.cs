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
        var reader = new SettingsReader(defaults);
        var fallback = Read(reader, "default");
        var named = root.Keys.Where(k => k != "default")
            .Select(name => Read(reader.For(root.GetConfig(ConfigKey(name)).WithFallback(defaults)), name))
            .ToList();
        return reader.Result(new ProfilesSettings(named, name => fallback with { Name = name }));
    }

    internal static string ConfigKey(string name) => name.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_') ? name : $"\"{name}\"";

    private static ProfileSettings Read(SettingsReader c, string name)
    {
        var volumeSize = c.ByteSize("volume.size");
        return new ProfileSettings(name, c.String("image"), c.String("flavor"))
        {
            KeyName = c.Optional("key-name"),
            Networks = c.StringList("networks"),
            SecurityGroups = c.StringList("security-groups"),
            AvailabilityZone = c.Optional("availability-zone"),
            Cores = c.Int("cores", 0),
            RamMb = c.Int("ram-mb", 0),
            Volume = new VolumeSettings(
                c.Boolean("volume.enabled"),
                (int)Math.Ceiling(volumeSize / (1024.0 * 1024 * 1024)),
                c.Optional("volume.type"),
                c.Optional("volume.device")),
            Dns = new DnsSettings(c.Boolean("dns.enabled"), c.String("dns.zone"), (int)c.Duration("dns.ttl").TotalSeconds),
            UserData = c.String("user-data"),
            Naming = new NamingSettings(
                c.String("naming.base-name"),
                c.String("naming.server-separator"),
                c.String("naming.host-separator"),
                c.String("naming.domain")),
        };
    }
}
