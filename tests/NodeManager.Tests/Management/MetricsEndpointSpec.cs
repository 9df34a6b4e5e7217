using System.Net;
using NodeManager.Core.Status;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

/// <summary>
/// <c>GET /metrics</c> over a status a test sets: the text format, and gauges computed from the status when scraped.
/// </summary>
public sealed class MetricsEndpointSpec
{
    private static readonly DateTimeOffset Since = DateTimeOffset.UtcNow.AddMinutes(-20);

    [Fact]
    public async Task Metrics_must_answer_the_text_format_with_gauges_read_from_the_status_at_scrape_time()
    {
        var status = new FakeControllerStatus { IsReady = true };
        status.Districts.Add(District("d1", 55,
            new ConditionStatus("exhausted", "cloud: quota headroom: no room for one more node (instances: 5 of 5 used)", Since, Since.AddMinutes(1)),
            new ConditionStatus("launch-failing", "2 launch(es) in a row failed: d1-4.example.com: boot timeout", Since, Since.AddMinutes(5))));
        status.Districts.Add(District("d2", null));
        status.Nodes.Add(Draining("d1-1", "d1", stalled: true, drainingSince: DateTimeOffset.UtcNow.AddMinutes(-30)));
        status.Nodes.Add(Draining("d1-2", "d1", stalled: false, drainingSince: DateTimeOffset.UtcNow.AddMinutes(-2)));
        // A drain whose DrainStarted is no longer in the kept history is at least as old as its oldest Draining entry.
        var moving = Draining("d2-1", "d2", stalled: false, drainingSince: DateTimeOffset.UtcNow.AddMinutes(-50));
        status.Nodes.Add(moving with
        {
            History = [.. moving.History.Where(h => h.Event != "DrainStarted"), new NodeHistoryEntry(DateTimeOffset.UtcNow.AddMinutes(-45), "Draining", "GearMoved", "g1 → d2-2")],
        });
        await using var harness = await ManagementHarness.StartAsync(status);

        var response = await harness.Client.GetAsync("/metrics").WaitAsync(TimeSpan.FromSeconds(30));
        var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.All(metrics.Samples, s => Assert.StartsWith("nodemanager_", s.Name, StringComparison.Ordinal));
        Assert.Equal("gauge", metrics.Types["nodemanager_nodes"]);
        Assert.Equal(1, metrics.Value("nodemanager_ready"));
        Assert.Equal(3, metrics.Value("nodemanager_nodes", ("district", "d1"), ("profile", "small"), ("state", "Active")));
        Assert.Equal(2, metrics.Value("nodemanager_nodes", ("district", "d1"), ("profile", "small"), ("state", "Draining")));
        // Finished nodes are history, not capacity: the endpoint shows them, the gauge does not.
        Assert.Null(metrics.Value("nodemanager_nodes", ("district", "d1"), ("state", "Reclaimed")));
        Assert.Equal(0.55, metrics.Value("nodemanager_district_utilisation_ratio", ("district", "d1")));
        Assert.Null(metrics.Value("nodemanager_district_utilisation_ratio", ("district", "d2")));
        Assert.Equal(1, metrics.Value("nodemanager_district_min_nodes", ("district", "d1")));
        Assert.Equal(8, metrics.Value("nodemanager_district_max_nodes", ("district", "d1")));
        Assert.Equal(1, metrics.Value("nodemanager_exhausted", ("district", "d1"), ("scope", "cloud")));
        Assert.Equal(0, metrics.Value("nodemanager_exhausted", ("district", "d1"), ("scope", "district")));
        Assert.Equal(0, metrics.Value("nodemanager_exhausted", ("district", "d2"), ("scope", "cloud")));
        Assert.Equal(1, metrics.Value("nodemanager_launch_failing", ("district", "d1")));
        Assert.Equal(0, metrics.Value("nodemanager_launch_failing", ("district", "d2")));
        Assert.Equal(1, metrics.Value("nodemanager_drain_stalled_nodes", ("district", "d1")));
        Assert.InRange(metrics.Value("nodemanager_drain_oldest_seconds", ("district", "d1"))!.Value, 30 * 60, 40 * 60);
        Assert.InRange(metrics.Value("nodemanager_drain_oldest_seconds", ("district", "d2"))!.Value, 45 * 60, 50 * 60);
        Assert.Equal(0, metrics.Value("nodemanager_drain_stalled_nodes", ("district", "d2")));
    }

    [Fact]
    public async Task Metrics_must_drop_the_series_of_a_district_and_a_state_that_are_gone_at_the_next_scrape()
    {
        var status = new FakeControllerStatus { IsReady = true };
        status.Districts.Add(District("d1", 55));
        status.Districts.Add(District("d2", 10));
        await using var harness = await ManagementHarness.StartAsync(status);
        var first = await ScrapeAsync(harness);

        status.Districts.Clear();
        status.Districts.Add(District("d1", 60) with { NodesByState = new Dictionary<string, int> { ["Active"] = 4 } });
        var second = await ScrapeAsync(harness);

        Assert.NotEmpty(first.Find("nodemanager_district_max_nodes", ("district", "d2")));
        Assert.DoesNotContain(second.Samples, s => s.Labels.TryGetValue("district", out var d) && d == "d2");
        Assert.Null(second.Value("nodemanager_nodes", ("district", "d1"), ("state", "Draining")));
        Assert.Equal(4, second.Value("nodemanager_nodes", ("district", "d1"), ("state", "Active")));
        Assert.Equal(0.6, second.Value("nodemanager_district_utilisation_ratio", ("district", "d1")));
    }

    [Fact]
    public async Task Metrics_must_answer_before_the_controller_has_started_with_ready_0_and_no_district()
    {
        await using var harness = await ManagementHarness.StartAsync(new ControllerStatusSlot());

        var metrics = await ScrapeAsync(harness);

        Assert.Equal(0, metrics.Value("nodemanager_ready"));
        Assert.DoesNotContain(metrics.Samples, s => s.Labels.ContainsKey("district"));
    }

    [Fact]
    public async Task Metrics_must_answer_404_problem_json_when_turned_off()
    {
        await using var harness = await ManagementHarness.StartAsync(
            new FakeControllerStatus { IsReady = true }, settings: ManagementSettings.Default with { Port = 0, MetricsEnabled = false });

        var (response, body) = await harness.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:nodemanager:problem:unknown-route", body.GetProperty("type").GetString());
    }

    private static async Task<PrometheusText> ScrapeAsync(ManagementHarness harness)
    {
        var response = await harness.Client.GetAsync("/metrics").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static DistrictStatus District(string name, double? utilisation, params ConditionStatus[] conditions) => new(
        name, "small", 1, 8, false,
        new Dictionary<string, int> { ["Active"] = 3, ["Draining"] = 2, ["Reclaimed"] = 4 },
        utilisation, new DecisionStatus("hold", "between the water marks", Since), conditions);

    private static NodeStatus Draining(string name, string district, bool stalled, DateTimeOffset drainingSince) => new(
        $"{name}.example.com", name, name.Replace('-', '_'), district, "small", "Draining", null, null, 5, null,
        [
            new NodeHistoryEntry(drainingSince.AddHours(-1), "Active", "NodeJoined", null),
            new NodeHistoryEntry(drainingSince, "Draining", "DrainStarted", "usage 10% ≤ low-water mark 40%"),
            .. stalled ? [new NodeHistoryEntry(drainingSince.AddMinutes(20), "Draining", "DrainStalled", "drain timeout")] : Array.Empty<NodeHistoryEntry>(),
        ]);
}
