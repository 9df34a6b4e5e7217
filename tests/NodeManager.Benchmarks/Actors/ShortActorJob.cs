using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NodeManager.Benchmarks.Actors;

/// <summary>A short in-process job: enough iterations for a stable ratio, a whole suite in about a minute.</summary>
public sealed class ShortActorJob : ManualConfig
{
    public ShortActorJob() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
}
