using BenchmarkDotNet.Attributes;

namespace NodeManager.Benchmarks.OpenStack;

/// <summary>
/// The client's cost per call (token cache, limiter, Polly timeout and retry pipeline, Flurl, logging, tolerant
/// parsing into records) against a raw HttpClient making the same request to the same simulator in the same run.
/// Target: Ratio ≤ 1.2 — the simulator's own work dominates both.
/// </summary>
[Config(typeof(ShortJobs.Fast))]
[MemoryDiagnoser]
public class ClientOverheadBenchmark
{
    private SimulatedCloud _cloud = null!;

    [GlobalSetup]
    public void Setup() => _cloud = SimulatedCloud.StartAsync(maxConcurrency: 16).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<string> RawHttpClientGetServer() => _cloud.RawGetServerStatusAsync();

    [Benchmark]
    public async Task<string> ClientGetServer() => (await _cloud.Client.Compute.GetServerAsync(_cloud.ServerId)).Status;
}
