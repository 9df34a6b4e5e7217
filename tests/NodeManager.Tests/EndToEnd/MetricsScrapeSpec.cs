using NodeManager.Simulators.OpenStack;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// <c>GET /metrics</c> of a running <c>nodemgr run</c> on demo.conf (in-process simulators, real OpenStack client, SQLite
/// journal), scraped as Prometheus would while a launch succeeds, the quota is hit, and launches then fail.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class MetricsScrapeSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task Metrics_must_count_a_succeeded_launch_cloud_requests_journal_writes_then_exhaustion_and_a_failed_launch_with_its_reason()
    {
        // One instance of quota: the first node launches, then the cloud is exhausted until the test raises the quota.
        var quota = _files.Write("metrics.conf", """
            node-manager.simulators.openstack.quotas.instances = 1
            node-manager.simulators.paas.districts = [
              { name = "district-a", profile = "small", uid-capacity = 6000, demand = [ { at = 0s, gears = 20 }, { at = 1s, gears = 280 } ] }
            ]
            """);
        await using var demo = await DemoRun.StartAsync([.. DemoRun.Configs(_files), quota]);
        using var client = new HttpClient { BaseAddress = demo.BaseAddress };

        var ok = await ScrapeUntilAsync(client, m =>
            m.Sum("nodemanager_launches_total", ("outcome", "succeeded")) >= 1 &&
            m.Value("nodemanager_exhausted", ("district", "district-a"), ("scope", "cloud")) == 1);

        Assert.Equal("counter", ok.Types["nodemanager_launches_total"]);
        Assert.Equal(1, ok.Value("nodemanager_launches_total", ("district", "district-a"), ("profile", "small"), ("outcome", "succeeded"), ("reason", "")));
        Assert.Equal(1, ok.Value("nodemanager_launches_started_total", ("district", "district-a"), ("profile", "small")));
        Assert.True(ok.Sum("nodemanager_scaling_decisions_total", ("district", "district-a"), ("kind", "scale-up")) >= 1);
        Assert.Equal(1, ok.Value("nodemanager_nodes", ("district", "district-a"), ("profile", "small"), ("state", "Active")));
        Assert.Equal(1, ok.Value("nodemanager_node_phase_duration_seconds_count", ("district", "district-a"), ("phase", "Booting")));
        Assert.Equal(10, ok.Value("nodemanager_district_max_nodes", ("district", "district-a")));
        Assert.True(ok.Value("nodemanager_cloud_request_duration_seconds_count",
            ("service", "compute"), ("operation", "POST /servers"), ("status", "202")) >= 1);
        Assert.True(ok.Sum("nodemanager_cloud_request_duration_seconds_count", ("service", "compute"), ("operation", "GET /servers/{id}")) >= 1);
        Assert.True(ok.Value("nodemanager_cloud_request_duration_seconds_count",
            ("service", "identity"), ("operation", "POST /auth/tokens"), ("status", "201")) >= 1);
        Assert.True(ok.Sum("nodemanager_journal_write_duration_seconds_count", ("outcome", "written")) >= 1);
        Assert.DoesNotContain(ok.Samples, s => s.Labels.Values.Any(v => v.Contains("district-a-1", StringComparison.Ordinal) || v.Contains("password", StringComparison.OrdinalIgnoreCase)));

        // Room again, but every create is refused: the next launches fail for a reason that will not pass by itself.
        demo.Simulator.Admin.SetFault(SimulatorOps.ServerCreate, new FaultSpec { FailNext = 1000, ErrorStatus = 400 });
        demo.Simulator.Admin.Quotas = demo.Simulator.Admin.Quotas with { Instances = 5 };

        var failed = await ScrapeUntilAsync(client, m =>
            m.Sum("nodemanager_launches_total", ("outcome", "failed"), ("reason", "cloud-refused")) >= 1 &&
            m.Value("nodemanager_launch_failing", ("district", "district-a")) == 1);

        Assert.Equal(0, failed.Sum("nodemanager_launches_total", ("outcome", "failed")) - failed.Sum("nodemanager_launches_total", ("reason", "cloud-refused")));
        Assert.True(failed.Value("nodemanager_cloud_request_duration_seconds_count",
            ("service", "compute"), ("operation", "POST /servers"), ("status", "400")) >= 1);
        Assert.Equal(1, failed.Value("nodemanager_launches_total", ("district", "district-a"), ("profile", "small"), ("outcome", "succeeded"), ("reason", "")));
        await demo.StopAsync();
    }

    /// <summary>Scrapes every 200 ms until <paramref name="until"/> holds on a parsed scrape; fails with the last scrape's nodemanager_launches lines.</summary>
    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, Func<PrometheusText, bool> until)
    {
        using var deadline = new CancellationTokenSource(Limit);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var metrics = PrometheusText.Parse(await client.GetStringAsync("/metrics").WaitAsync(TimeSpan.FromSeconds(30)));
            if (until(metrics)) return metrics;
            try
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = metrics.Samples.Where(s => s.Name.StartsWith("nodemanager_launch", StringComparison.Ordinal) || s.Name is "nodemanager_exhausted" or "nodemanager_nodes")
                    .Select(s => $"{s.Name}{{{string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}");
                throw new TimeoutException($"/metrics did not reach the expected state within {Limit}: {string.Join("; ", seen)}");
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
