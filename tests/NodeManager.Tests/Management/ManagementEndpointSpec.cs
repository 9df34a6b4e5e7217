using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

public sealed class ManagementEndpointSpec
{
    private readonly FakeControllerStatus _status = new();

    [Fact]
    public async Task Alive_must_answer_200_even_before_the_controller_is_ready()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, body) = await harness.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("alive", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alive_must_answer_503_problem_naming_a_failed_liveness_check_and_ignore_other_checks()
    {
        await using var harness = await ManagementHarness.StartAsync(_status, configure: services => services.AddHealthChecks()
            .AddCheck("akka.actorsystem", () => HealthCheckResult.Unhealthy("ActorSystem has terminated."), tags: [ManagementApi.LivenessTag])
            .AddCheck("journal", () => HealthCheckResult.Unhealthy("not a liveness check"), tags: ["readiness"]));

        var (response, problem) = await harness.GetAsync("/alive");

        AssertProblem(response, problem, 503, "not-alive");
        Assert.Equal("Liveness checks failed: akka.actorsystem (ActorSystem has terminated.)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ready_must_answer_503_problem_until_the_controller_is_ready_and_200_after()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (notReady, problem) = await harness.GetAsync("/ready");
        _status.IsReady = true;
        var (ready, body) = await harness.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        AssertProblem(notReady, problem, 503, "not-ready");
        Assert.Equal("Not ready: district d1: recovering from the journal", problem.GetProperty("detail").GetString());
        Assert.Equal(["district d1: recovering from the journal"], problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_must_answer_503_naming_a_failed_readiness_check_while_the_controller_is_ready()
    {
        _status.IsReady = true;
        await using var harness = await ManagementHarness.StartAsync(_status, configure: services => services.AddHealthChecks()
            .AddCheck("journal", () => HealthCheckResult.Unhealthy("Cannot use the journal (PostgreSQL at db1:5432): connection refused."), tags: [ManagementApi.ReadinessTag])
            .AddCheck("other", () => HealthCheckResult.Unhealthy("a liveness matter"), tags: [ManagementApi.LivenessTag]));

        var (notReady, problem) = await harness.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(["journal: Cannot use the journal (PostgreSQL at db1:5432): connection refused."],
            problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Districts_must_list_every_district_in_the_stable_camel_case_shape()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Districts.Add(FakeControllerStatus.District("district-b"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, body) = await harness.GetAsync("/districts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        var districts = body.GetProperty("districts");
        Assert.Equal(["district-a", "district-b"], districts.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var first = districts[0];
        Assert.Equal(
            ["name", "profile", "minNodes", "maxNodes", "paused", "nodesByState", "utilisation", "lastDecision", "conditions", "owner", "overrides", "highWaterMark", "lowWaterMark"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, first.GetProperty("nodesByState").GetProperty("Active").GetInt32());
        Assert.Equal("holding: usage 55% between the water marks", first.GetProperty("lastDecision").GetProperty("reason").GetString());
        var condition = first.GetProperty("conditions")[0];
        Assert.Equal("exhausted", condition.GetProperty("type").GetString());
        Assert.Equal(FakeControllerStatus.At.AddMinutes(5), condition.GetProperty("retryAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task District_must_answer_the_named_district()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Districts.Add(FakeControllerStatus.District("district-b", "scale-up: usage 85% >= 80% for 2m"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, body) = await harness.GetAsync("/districts/district-b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var district = body.GetProperty("district");
        Assert.Equal("district-b", district.GetProperty("name").GetString());
        Assert.Equal("scale-up: usage 85% >= 80% for 2m", district.GetProperty("lastDecision").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("/districts/", "district-z", "unknown-district")]
    [InlineData("/nodes/", "node-9.example.com", "unknown-node")]
    public async Task Named_routes_must_answer_404_problem_naming_what_is_unknown(string route, string name, string type)
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync(route + name);

        AssertProblem(response, problem, 404, type);
        Assert.Contains(name, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/districts/bad%20name")]
    [InlineData("/districts/x%3Bdrop")]
    [InlineData("/nodes/n%0Aode")]
    [InlineData("/nodes?district=a%2Fb")]
    public async Task Routes_must_answer_400_problem_for_a_malformed_name(string path)
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync(path);

        AssertProblem(response, problem, 400, "invalid-name");
    }

    [Fact]
    public async Task Nodes_must_list_every_node_and_filter_by_district_and_state()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Districts.Add(FakeControllerStatus.District("district-b"));
        _status.Districts.Add(FakeControllerStatus.District("district-c"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-2", "district-a", "Draining"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-3", "district-b"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (_, all) = await harness.GetAsync("/nodes");
        var (_, inA) = await harness.GetAsync("/nodes?district=district-a");
        var (_, drainingInA) = await harness.GetAsync("/nodes?district=district-a&state=draining");
        var (inC, noneInC) = await harness.GetAsync("/nodes?district=district-c");

        Assert.Equal(3, all.GetProperty("nodes").GetArrayLength());
        Assert.Equal(["node_1", "node_2"], inA.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("serverName").GetString()));
        Assert.Equal(["node_2"], drainingInA.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("serverName").GetString()));
        Assert.Equal(HttpStatusCode.OK, inC.StatusCode);
        Assert.Equal(0, noneInC.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Nodes_filtered_by_an_unknown_district_must_answer_404_problem()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/nodes?district=district-z&state=active");

        AssertProblem(response, problem, 404, "unknown-district");
        Assert.Contains("district-z", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Timestamps_must_be_written_in_utc_with_millisecond_precision()
    {
        // 11:04:05.1234567 at +01:00: 10:04:05.123 UTC, the sub-millisecond ticks dropped.
        var at = new DateTimeOffset(2026, 12, 3, 11, 4, 5, TimeSpan.FromHours(1)).AddTicks(1_234_567);
        var district = FakeControllerStatus.District("district-a") with
        {
            LastDecision = new("Hold", "usage 55% between the water marks", at),
            Conditions = [new("exhausted", "Quota exceeded for instances", at, at.AddMinutes(5))],
        };
        _status.Districts.Add(district);
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a") with { History = [new(at, "Requested", "NodeRequested", null)] });
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (_, districts) = await harness.GetAsync("/districts");
        var (_, node) = await harness.GetAsync("/nodes/node_1");

        var shown = districts.GetProperty("districts")[0];
        Assert.Equal("2026-12-03T10:04:05.123Z", shown.GetProperty("lastDecision").GetProperty("at").GetString());
        Assert.Equal("2026-12-03T10:04:05.123Z", shown.GetProperty("conditions")[0].GetProperty("since").GetString());
        Assert.Equal("2026-12-03T10:09:05.123Z", shown.GetProperty("conditions")[0].GetProperty("retryAt").GetString());
        Assert.Equal("2026-12-03T10:04:05.123Z", node.GetProperty("node").GetProperty("history")[0].GetProperty("at").GetString());
        Assert.Equal("2026-12-03T10:04:05.123Z", node.GetProperty("districtDecision").GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("node-2.example.com")]
    [InlineData("node_2")]
    public async Task Node_must_answer_state_history_and_the_district_decision_by_host_or_server_name(string name)
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a", "scale-down: usage 12% <= 30% for 10m"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-2", "district-a", "Draining"));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, body) = await harness.GetAsync($"/nodes/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var node = body.GetProperty("node");
        Assert.Equal("node-2.example.com", node.GetProperty("name").GetString());
        Assert.Equal("Draining", node.GetProperty("state").GetString());
        Assert.Equal(["Requested", "Draining"], node.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()));
        Assert.Equal("scale-down: usage 12% <= 30% for 10m", body.GetProperty("districtDecision").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_must_answer_the_products_problem_types()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (notFound, notFoundProblem) = await harness.GetAsync("/cluster/shards-of-nobody");
        var post = await harness.Client.PostAsync("/districts", new StringContent("{}")).WaitAsync(TimeSpan.FromSeconds(30));
        var postProblem = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement;

        AssertProblem(notFound, notFoundProblem, 404, "unknown-route");
        Assert.Equal("No route answers GET /cluster/shards-of-nobody.", notFoundProblem.GetProperty("detail").GetString());
        AssertProblem(post, postProblem, 405, "method-not-allowed");
        Assert.Equal("/districts does not answer POST; it answers GET.", postProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cluster_members_must_answer_503_not_started_until_the_actor_system_runs()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/cluster/members");

        AssertProblem(response, problem, 503, "not-started");
    }

    [Fact]
    public async Task A_failing_controller_must_answer_500_problem_without_the_exception_message()
    {
        _status.Failure = new InvalidOperationException("journal at Host=db;Password=hunter22 is gone");
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/districts");

        AssertProblem(response, problem, 500, "internal-error");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("hunter22", problem.GetRawText());
    }

    [Fact]
    public async Task A_controller_that_does_not_answer_in_time_must_get_503_problem()
    {
        _status.Gate = new TaskCompletionSource().Task;
        var settings = ManagementSettings.Default with { Port = 0, RequestTimeout = TimeSpan.FromMilliseconds(50) };
        await using var harness = await ManagementHarness.StartAsync(_status, settings: settings);

        var (response, problem) = await harness.GetAsync("/nodes");

        AssertProblem(response, problem, 503, "controller-timeout");
    }

    [Fact]
    public async Task Responses_must_never_contain_a_configured_secret()
    {
        const string secret = "s3cr3t-app-cred";
        _status.Districts.Add(FakeControllerStatus.District("district-a", $"cloud said: bad credential {secret}"));
        _status.Nodes.Add(FakeControllerStatus.Node("node-1", "district-a", "Failed", $"auth failed for secret {secret}"));
        await using var harness = await ManagementHarness.StartAsync(_status, new SecretRedactor([secret]));

        var (_, districts) = await harness.GetAsync("/districts");
        var (_, node) = await harness.GetAsync("/nodes/node_1");

        Assert.DoesNotContain(secret, districts.GetRawText());
        Assert.DoesNotContain(secret, node.GetRawText());
        Assert.Equal("auth failed for secret ***", node.GetProperty("node").GetProperty("lastError").GetString());
        Assert.Equal("cloud said: bad credential ***", node.GetProperty("districtDecision").GetProperty("reason").GetString());
    }

    private static void AssertProblem(HttpResponseMessage response, JsonElement problem, int status, string type)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(Problems.TypePrefix + type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
