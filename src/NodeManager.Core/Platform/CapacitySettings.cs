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
        var c = new SettingsReader(config.GetConfig("node-manager.capacity"));
        var settings = new CapacitySettings(c.Enum<CapacitySourceKind>("source"), c.Duration("interval", allowZero: false), c.Duration("timeout", allowZero: false))
        {
            Command = c.StringList("command"),
            Url = c.String("url"),
            File = c.String("file"),
        };
        c.Require(settings.Source != CapacitySourceKind.Command || settings.Command.Count > 0, "command", "must name a program when source = command", "source");
        c.Require(settings.Source != CapacitySourceKind.Http || Uri.TryCreate(settings.Url, UriKind.Absolute, out _), "url", "must be an absolute URL when source = http", "source");
        c.Require(settings.Source != CapacitySourceKind.File || settings.File.Length > 0, "file", "must name a file when source = file", "source");
        return c.Result(settings);
    }
}

public enum CapacitySourceKind
{
    Command,
    Http,
    File,
    Simulated,
}
