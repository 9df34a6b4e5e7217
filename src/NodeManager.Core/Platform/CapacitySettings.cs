using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Platform;

/// <summary>Where the capacity document comes from and how often (<c>node-manager.capacity</c>).</summary>
public sealed record CapacitySettings(CapacitySourceKind Source, TimeSpan Interval, TimeSpan Timeout)
{
    /// <summary>argv of the exporter (command source); run without a shell.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    public string Url { get; init; } = "";

    public string File { get; init; } = "";

    public static CapacitySettings Default { get; } = new(CapacitySourceKind.Simulated, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));

    public static CapacitySettings Create(Config config)
    {
        var c = config.GetConfig("node-manager.capacity");
        var settings = new CapacitySettings(
            ConfigChecks.Enum<CapacitySourceKind>(c, "source"),
            ConfigChecks.Duration(c, "interval", allowZero: false),
            ConfigChecks.Duration(c, "timeout", allowZero: false))
        {
            Command = c.GetStringList("command"),
            Url = c.GetString("url"),
            File = c.GetString("file"),
        };
        return settings.Source switch
        {
            CapacitySourceKind.Command when settings.Command.Count == 0 => throw ConfigException.BadValue(c, "command", "must name a program when source = command"),
            CapacitySourceKind.Http when !Uri.TryCreate(settings.Url, UriKind.Absolute, out _) => throw ConfigException.BadValue(c, "url", "must be an absolute URL when source = http"),
            CapacitySourceKind.File when settings.File.Length == 0 => throw ConfigException.BadValue(c, "file", "must name a file when source = file"),
            _ => settings,
        };
    }
}

public enum CapacitySourceKind
{
    Command,
    Http,
    File,
    Simulated,
}
