using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Core.Cloud;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;

namespace NodeManager.Benchmarks.Core;

/// <summary>The controller's services as the Core suites run them: default settings, one profile without a volume, the system clock, no logging unless given.</summary>
internal static class BenchmarkController
{
    public const string Cluster = "bench";

    public static ProfileSettings Profile { get; } = new("small", "node-host", "m1.small");

    public static ControllerServices Services(
        ICloud cloud,
        ICapacitySource capacity,
        IPlatform platform,
        ScalingSettings? scaling = null,
        CapacitySettings? capacitySettings = null,
        ILoggerFactory? loggers = null,
        NodeLifecycleSettings? lifecycle = null) =>
        new(
            Cluster,
            cloud,
            capacity,
            platform,
            capacitySettings ?? CapacitySettings.Default,
            scaling ?? ScalingSettings.Default,
            lifecycle ?? NodeLifecycleSettings.Default,
            DistrictsSettings.Uniform(DistrictSettings.Default),
            // Named, as an operator's file names its profiles: every node shares the one record.
            new ProfilesSettings([Profile], name => Profile with { Name = name }),
            CleanupSettings.Default,
            new ControllerBoard(),
            new LimitsCache(cloud, TimeProvider.System, TimeSpan.FromMinutes(5)),
            TimeProvider.System,
            loggers ?? NullLoggerFactory.Instance);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, reading it again every few milliseconds: for state the actors only
    /// publish (the board), where there is no message to wait for. Throws with <paramref name="state"/> on timeout.
    /// </summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> state)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"gave up after {timeout}: {state()}");
            Task.Delay(TimeSpan.FromMilliseconds(20)).Wait();
        }
    }

    /// <summary>A capacity source that answers whatever document it holds; never called by suites that start no watcher.</summary>
    public sealed class FixedCapacity(CapacityDocument document) : ICapacitySource
    {
        public CapacityDocument Document { get; set; } = document;

        public Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Document);
    }
}
