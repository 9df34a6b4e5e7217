using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NodeManager.Benchmarks.Persistence;

/// <summary>A short in-process job: database round-trips dominate, so a few iterations give a stable ratio within minutes.</summary>
public sealed class ShortPersistenceJob : ManualConfig
{
    public ShortPersistenceJob() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithToolchain(InProcessEmitToolchain.Instance));
}
