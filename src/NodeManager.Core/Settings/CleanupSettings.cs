using NodeManager.Hocon;

namespace NodeManager.Core.Settings;

/// <summary>What to do with leaked instances (<c>node-manager.cleanup</c>).</summary>
public sealed record CleanupSettings(bool DeleteLeaked, TimeSpan LeakGrace)
{
    public static CleanupSettings Default { get; } = new(false, TimeSpan.FromMinutes(10));

    public static CleanupSettings Create(Config config)
    {
        var c = new SettingsReader(config.GetConfig("node-manager.cleanup"));
        return c.Result(new CleanupSettings(c.Boolean("delete-leaked"), c.Duration("leak-grace")));
    }
}
