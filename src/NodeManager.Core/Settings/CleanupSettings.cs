using NodeManager.Hocon;

namespace NodeManager.Core.Settings;

/// <summary>What to do with leaked instances (<c>node-manager.cleanup</c>).</summary>
public sealed record CleanupSettings(bool DeleteLeaked, TimeSpan LeakGrace)
{
    public static CleanupSettings Default { get; } = new(false, TimeSpan.FromMinutes(10));

    public static CleanupSettings Create(Config config)
    {
        var c = config.GetConfig("node-manager.cleanup");
        return new CleanupSettings(c.GetBoolean("delete-leaked"), ConfigChecks.Duration(c, "leak-grace"));
    }
}
