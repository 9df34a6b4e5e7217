using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Scaling;

public sealed partial record ScalingSettings
{
    /// <summary>Reads <c>node-manager.scaling</c> from the root config; rejects out-of-range values naming file:line:col and key.</summary>
    public static ScalingSettings Create(Config config)
    {
        var c = new SettingsReader(config.GetConfig("node-manager.scaling"));
        var settings = new ScalingSettings
        {
            HighWaterMark = c.Percent("high-water-mark"),
            LowWaterMark = c.Percent("low-water-mark"),
            ScaleUpSustainedFor = c.Duration("scale-up-sustained-for"),
            ScaleDownUnneededTime = c.Duration("scale-down-unneeded-time"),
            ScaleDownDelayAfterAdd = c.Duration("scale-down-delay-after-add"),
            ScaleUpCooldown = c.Duration("scale-up-cooldown"),
            ScaleDownCooldown = c.Duration("scale-down-cooldown"),
            MaxConcurrentLaunches = c.Int("max-concurrent-launches", 1),
            MaxConcurrentLaunchesPerCloud = c.Int("max-concurrent-launches-per-cloud", 1),
            MaxNodesTotal = c.Int("max-nodes-total", 0),
            DrainSelection = c.Enum<DrainSelection>("drain-selection"),
            ExhaustionBackoffMin = c.Duration("exhaustion-backoff.min", allowZero: false),
            ExhaustionBackoffMax = c.Duration("exhaustion-backoff.max", allowZero: false),
            LimitsCacheTtl = c.Duration("limits-cache-ttl"),
            LaunchFailureBackoffMin = c.Duration("launch-failure-backoff.min", allowZero: false),
            LaunchFailureBackoffMax = c.Duration("launch-failure-backoff.max", allowZero: false),
            LaunchFailureErrorAfter = c.Int("launch-failure-backoff.error-after", 1),
        };
        c.Require(settings.LowWaterMark < settings.HighWaterMark, "low-water-mark",
            $"must be below high-water-mark ({settings.HighWaterMark}), got {settings.LowWaterMark}: the gap is the hysteresis", "high-water-mark");
        c.Require(settings.ExhaustionBackoffMax >= settings.ExhaustionBackoffMin, "exhaustion-backoff.max",
            "must be ≥ exhaustion-backoff.min", "exhaustion-backoff.min");
        c.Require(settings.LaunchFailureBackoffMax >= settings.LaunchFailureBackoffMin, "launch-failure-backoff.max",
            "must be ≥ launch-failure-backoff.min", "launch-failure-backoff.min");
        return c.Result(settings);
    }
}
