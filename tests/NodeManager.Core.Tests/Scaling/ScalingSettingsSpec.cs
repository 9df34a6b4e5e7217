using NodeManager.Core.Configuration;
using NodeManager.Core.Scaling;
using NodeManager.Hocon;

namespace NodeManager.Core.Tests.Scaling;

/// <summary><c>node-manager.scaling</c>: every key lands in its own field, and out-of-range values are refused by name.</summary>
public sealed class ScalingSettingsSpec
{
    private static Config With(string text) => ConfigFactory.ParseString(text, "scaling.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

    private static string Refusal(string text) => Assert.Throws<ConfigException>(() => ScalingSettings.Create(With(text))).Message;

    [Fact]
    public void ScalingSettings_must_read_every_key_into_its_own_field()
    {
        var settings = ScalingSettings.Create(With("""
            node-manager.scaling {
              high-water-mark = 85.5
              low-water-mark = 30
              scale-up-sustained-for = 2m
              scale-down-unneeded-time = 11m
              scale-down-delay-after-add = 12m
              scale-up-cooldown = 3m
              scale-down-cooldown = 4m
              max-concurrent-launches = 5
              max-concurrent-launches-per-cloud = 7
              max-nodes-total = 9
              drain-selection = oldest
              exhaustion-backoff { min = 6m, max = 13m }
              limits-cache-ttl = 14m
              launch-failure-backoff { min = 15m, max = 16m, error-after = 17 }
            }
            """));

        Assert.Equal(new ScalingSettings
        {
            HighWaterMark = 85.5,
            LowWaterMark = 30,
            ScaleUpSustainedFor = TimeSpan.FromMinutes(2),
            ScaleDownUnneededTime = TimeSpan.FromMinutes(11),
            ScaleDownDelayAfterAdd = TimeSpan.FromMinutes(12),
            ScaleUpCooldown = TimeSpan.FromMinutes(3),
            ScaleDownCooldown = TimeSpan.FromMinutes(4),
            MaxConcurrentLaunches = 5,
            MaxConcurrentLaunchesPerCloud = 7,
            MaxNodesTotal = 9,
            DrainSelection = DrainSelection.Oldest,
            ExhaustionBackoffMin = TimeSpan.FromMinutes(6),
            ExhaustionBackoffMax = TimeSpan.FromMinutes(13),
            LimitsCacheTtl = TimeSpan.FromMinutes(14),
            LaunchFailureBackoffMin = TimeSpan.FromMinutes(15),
            LaunchFailureBackoffMax = TimeSpan.FromMinutes(16),
            LaunchFailureErrorAfter = 17,
        }, settings);
    }

    [Fact]
    public void ScalingSettings_must_refuse_a_low_water_mark_equal_to_the_high_water_mark()
    {
        var message = Refusal("node-manager.scaling { high-water-mark = 70, low-water-mark = 70 }");

        Assert.Contains("scaling.conf:1:", message);
        Assert.Contains("node-manager.scaling.low-water-mark", message);
        Assert.Contains("must be below high-water-mark (70), got 70: the gap is the hysteresis", message);
    }

    [Fact]
    public void ScalingSettings_must_refuse_an_exhaustion_backoff_max_below_its_min_and_accept_them_equal()
    {
        var message = Refusal("node-manager.scaling.exhaustion-backoff { min = 10m, max = 9m }");
        var equal = ScalingSettings.Create(With("node-manager.scaling.exhaustion-backoff { min = 10m, max = 10m }"));

        Assert.Contains("node-manager.scaling.exhaustion-backoff.max", message);
        Assert.Contains("must be ≥ exhaustion-backoff.min", message);
        Assert.Equal(equal.ExhaustionBackoffMin, equal.ExhaustionBackoffMax);
    }

    [Fact]
    public void ScalingSettings_must_refuse_a_launch_failure_backoff_max_below_its_min_naming_where_it_is_set()
    {
        var message = Refusal("""
            node-manager.scaling {
              launch-failure-backoff {
                min = 10m
                max = 9m
              }
            }
            """);

        Assert.Contains("scaling.conf:4:", message);
        Assert.Contains("node-manager.scaling.launch-failure-backoff.max", message);
        Assert.Contains("must be ≥ launch-failure-backoff.min", message);
    }

    [Fact]
    public void ScalingSettings_must_accept_a_launch_failure_backoff_whose_max_equals_its_min()
    {
        var settings = ScalingSettings.Create(With("node-manager.scaling.launch-failure-backoff { min = 10m, max = 10m }"));

        Assert.Equal(TimeSpan.FromMinutes(10), settings.LaunchFailureBackoffMin);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.LaunchFailureBackoffMax);
    }

    [Theory]
    [InlineData("launch-failure-backoff.min = 0s", "launch-failure-backoff.min", "must be > 0")]
    [InlineData("launch-failure-backoff.max = 0s", "launch-failure-backoff.max", "must be > 0")]
    [InlineData("exhaustion-backoff.min = 0s", "exhaustion-backoff.min", "must be > 0")]
    [InlineData("exhaustion-backoff.max = 0s", "exhaustion-backoff.max", "must be > 0")]
    [InlineData("max-concurrent-launches = 0", "max-concurrent-launches", "must be ≥ 1, got 0")]
    [InlineData("max-concurrent-launches-per-cloud = 0", "max-concurrent-launches-per-cloud", "must be ≥ 1, got 0")]
    [InlineData("max-nodes-total = -1", "max-nodes-total", "must be ≥ 0, got -1")]
    [InlineData("scale-up-cooldown = -1s", "scale-up-cooldown", "must not be negative")]
    [InlineData("high-water-mark = 101", "high-water-mark", "must be a percentage in 0..100, got 101")]
    public void ScalingSettings_must_refuse_an_out_of_range_value_naming_its_key(string line, string key, string expected)
    {
        var message = Refusal($"node-manager.scaling.{line}");

        Assert.Contains("scaling.conf:1:", message);
        Assert.Contains($"node-manager.scaling.{key}", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void ScalingSettings_must_accept_the_smallest_values_in_range()
    {
        var settings = ScalingSettings.Create(With("""
            node-manager.scaling {
              max-concurrent-launches = 1
              max-concurrent-launches-per-cloud = 1
              max-nodes-total = 0
              scale-up-cooldown = 0s
              limits-cache-ttl = 0s
              low-water-mark = 0
            }
            """));

        Assert.Equal((1, 1, 0), (settings.MaxConcurrentLaunches, settings.MaxConcurrentLaunchesPerCloud, settings.MaxNodesTotal));
        Assert.Equal(TimeSpan.Zero, settings.ScaleUpCooldown);
    }
}
