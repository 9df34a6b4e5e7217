using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NodeManager.Benchmarks;

/// <summary>
/// The in-process jobs the suites run under: one launch, a few warm-ups and enough iterations for a stable
/// ratio against the baseline measured beside it, so that the whole Bench target finishes in minutes.
/// Suites whose operations are slow (database round trips, whole lifecycles) take fewer iterations.
/// </summary>
public static class ShortJobs
{
    /// <summary>
    /// In-process BenchmarkDotNet stops a benchmark after five minutes by default; ten thousand lifecycles on a loaded
    /// machine take a few minutes per case.
    /// </summary>
    private static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromMinutes(45), logOutput: true);

    public static Job InProcess(int warmups, int iterations) => Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(warmups)
        .WithIterationCount(iterations)
        .WithToolchain(Toolchain);

    /// <summary>Microsecond operations: medians over 15 iterations.</summary>
    public sealed class Fast : ManualConfig
    {
        public Fast() => AddJob(InProcess(warmups: 3, iterations: 15));
    }

    /// <summary>Controller suites: whole evaluations and lifecycles, a minute or two in all.</summary>
    public sealed class Controller : ManualConfig
    {
        public Controller() => AddJob(InProcess(warmups: 2, iterations: 8));
    }

    /// <summary>Database round trips dominate, so a few iterations give a stable ratio.</summary>
    public sealed class Database : ManualConfig
    {
        public Database() => AddJob(InProcess(warmups: 2, iterations: 6));
    }
}
