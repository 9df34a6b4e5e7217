using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Nodes;

public sealed partial record NodeLifecycleSettings
{
    /// <summary>Reads <c>node-manager.scaling.lifecycle</c> from the root config.</summary>
    public static NodeLifecycleSettings Create(Config config)
    {
        var c = new SettingsReader(config.GetConfig("node-manager.scaling.lifecycle"));
        var settings = new NodeLifecycleSettings
        {
            PollInterval = c.Duration("poll-interval", allowZero: false),
            BootTimeout = c.Duration("boot-timeout", allowZero: false),
            AttachTimeout = c.Duration("attach-timeout", allowZero: false),
            JoinTimeout = c.Duration("join-timeout", allowZero: false),
            DrainTimeout = c.Duration("drain-timeout", allowZero: false),
            LaunchRetries = c.Int("launch-retries", 0),
            DrainConcurrency = c.Int("drain-concurrency", 1),
            FinishedKept = c.Int("finished-kept", 0),
            RestartBackoffMin = c.Duration("restart-backoff.min", allowZero: false),
            RestartBackoffMax = c.Duration("restart-backoff.max", allowZero: false),
            PassivateAfter = c.DurationOrOff("passivate-after"),
        };
        c.Require(settings.RestartBackoffMax >= settings.RestartBackoffMin, "restart-backoff.max", "must be ≥ restart-backoff.min", "restart-backoff.min");
        return c.Result(settings);
    }
}
