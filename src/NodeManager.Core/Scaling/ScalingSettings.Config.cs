using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Scaling;

public sealed partial record ScalingSettings
{
    /// <summary>Reads <c>node-manager.scaling</c> from the root config; rejects out-of-range values naming file:line:col and key.</summary>
    public static ScalingSettings Create(Config config)
    {
        var c = config.GetConfig("node-manager.scaling");
        var settings = new ScalingSettings
        {
            HighWaterMark = ConfigChecks.Percent(c, "high-water-mark"),
            LowWaterMark = ConfigChecks.Percent(c, "low-water-mark"),
            ScaleUpSustainedFor = ConfigChecks.Duration(c, "scale-up-sustained-for"),
            ScaleDownUnneededTime = ConfigChecks.Duration(c, "scale-down-unneeded-time"),
            ScaleDownDelayAfterAdd = ConfigChecks.Duration(c, "scale-down-delay-after-add"),
            ScaleUpCooldown = ConfigChecks.Duration(c, "scale-up-cooldown"),
            ScaleDownCooldown = ConfigChecks.Duration(c, "scale-down-cooldown"),
            MaxConcurrentLaunches = ConfigChecks.Int(c, "max-concurrent-launches", 1),
            MaxConcurrentLaunchesPerCloud = ConfigChecks.Int(c, "max-concurrent-launches-per-cloud", 1),
            MaxNodesTotal = ConfigChecks.Int(c, "max-nodes-total", 0),
            DrainSelection = ConfigChecks.Enum<DrainSelection>(c, "drain-selection"),
            ExhaustionBackoffMin = ConfigChecks.Duration(c, "exhaustion-backoff.min", allowZero: false),
            ExhaustionBackoffMax = ConfigChecks.Duration(c, "exhaustion-backoff.max", allowZero: false),
            LimitsCacheTtl = ConfigChecks.Duration(c, "limits-cache-ttl"),
            LaunchFailureBackoffMin = ConfigChecks.Duration(c, "launch-failure-backoff.min", allowZero: false),
            LaunchFailureBackoffMax = ConfigChecks.Duration(c, "launch-failure-backoff.max", allowZero: false),
            LaunchFailureErrorAfter = ConfigChecks.Int(c, "launch-failure-backoff.error-after", 1),
        };
        if (settings.LowWaterMark >= settings.HighWaterMark)
            throw ConfigException.BadValue(c, "low-water-mark",
                $"must be below high-water-mark ({settings.HighWaterMark}), got {settings.LowWaterMark}: the gap is the hysteresis");
        if (settings.ExhaustionBackoffMax < settings.ExhaustionBackoffMin)
            throw ConfigException.BadValue(c, "exhaustion-backoff.max", "must be ≥ exhaustion-backoff.min");
        if (settings.LaunchFailureBackoffMax < settings.LaunchFailureBackoffMin)
            throw ConfigException.BadValue(c, "launch-failure-backoff.max", "must be ≥ launch-failure-backoff.min");
        return settings;
    }
}
