using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NodeManager.Benchmarks.Core;

/// <summary>A short in-process job so that the controller's suites finish in a minute or two.</summary>
public sealed class ShortCoreJob : ManualConfig
{
    public ShortCoreJob() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
}
