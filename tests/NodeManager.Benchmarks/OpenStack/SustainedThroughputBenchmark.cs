using BenchmarkDotNet.Attributes;

namespace NodeManager.Benchmarks.OpenStack;

/// <summary>
/// Sustained calls per second with 64 concurrent callers (GET /limits, the call the controller makes most), client
/// vs raw HttpClient on the same simulator. Each invocation is 64 callers × 16 calls; the Mean is per call, so
/// calls/s = 1 s / Mean.
/// </summary>
[Config(typeof(ShortJobs.Fast))]
public class SustainedThroughputBenchmark
{
    private const int Callers = 64;
    private const int CallsPerCaller = 16;
    private SimulatedCloud _cloud = null!;

    [GlobalSetup]
    public void Setup() => _cloud = SimulatedCloud.StartAsync(maxConcurrency: Callers).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task RawHttpClient64Callers() => Run(() => _cloud.RawGetMaxInstancesAsync());

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task Client64Callers() => Run(async () => (await _cloud.Client.Compute.GetLimitsAsync()).MaxInstances);

    private static Task Run(Func<Task<long>> call) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            for (var i = 0; i < CallsPerCaller; i++) await call();
        }));
}
