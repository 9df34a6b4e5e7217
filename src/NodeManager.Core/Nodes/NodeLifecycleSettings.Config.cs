using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Nodes;

public sealed partial record NodeLifecycleSettings
{
    /// <summary>Reads <c>node-manager.scaling.lifecycle</c> from the root config.</summary>
    public static NodeLifecycleSettings Create(Config config)
    {
        var c = config.GetConfig("node-manager.scaling.lifecycle");
        var settings = new NodeLifecycleSettings
        {
            PollInterval = ConfigChecks.Duration(c, "poll-interval", allowZero: false),
            BootTimeout = ConfigChecks.Duration(c, "boot-timeout", allowZero: false),
            AttachTimeout = ConfigChecks.Duration(c, "attach-timeout", allowZero: false),
            JoinTimeout = ConfigChecks.Duration(c, "join-timeout", allowZero: false),
            DrainTimeout = ConfigChecks.Duration(c, "drain-timeout", allowZero: false),
            LaunchRetries = ConfigChecks.Int(c, "launch-retries", 0),
            DrainConcurrency = ConfigChecks.Int(c, "drain-concurrency", 1),
            FinishedKept = ConfigChecks.Int(c, "finished-kept", 0),
            RestartBackoffMin = ConfigChecks.Duration(c, "restart-backoff.min", allowZero: false),
            RestartBackoffMax = ConfigChecks.Duration(c, "restart-backoff.max", allowZero: false),
        };
        if (settings.RestartBackoffMax < settings.RestartBackoffMin)
            throw ConfigException.BadValue(c, "restart-backoff.max", "must be ≥ restart-backoff.min");
        return settings;
    }
}
