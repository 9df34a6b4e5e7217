using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodeManager.Core.Operations;
using NodeManager.Management;
using NodeManager.Tests.Logging;
using Serilog;

namespace NodeManager.Tests.Management;

/// <summary>The operator routes: bearer authentication, validation, and each answer of the contract (200, 400, 401, 403, 404, 409).</summary>
public sealed class OperatorApiSpec
{
    private const string Secret = "ops-secret-0123456789";
    private readonly FakeControllerStatus _status = new() { IsReady = true };
    private readonly FakeControllerActions _actions = new();

    public static TheoryData<string, string, string> Routes() => new()
    {
        { "POST", "/nodes/node-1.example.com/drain", "drain" },
        { "POST", "/nodes/node-1.example.com/protect", "protect" },
        { "POST", "/nodes/node-1.example.com/unprotect", "unprotect" },
        { "POST", "/nodes/node-1.example.com/retry", "retry" },
        { "POST", "/nodes/node-1.example.com/forget", "forget" },
        { "POST", "/districts/district-a/pause", "pause" },
        { "POST", "/districts/district-a/resume", "resume" },
        { "PUT", "/districts/district-a/bounds", "bounds" },
        { "DELETE", "/districts/district-a/bounds", "clear-bounds" },
        { "POST", "/districts/district-a/scale-now", "scale-now" },
    };

    private static ManagementSettings WithToken => ManagementSettings.Default with { Port = 0, Tokens = [new OperatorToken("ops", Secret)] };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_action_must_answer_403_and_change_nothing_when_no_token_is_configured(string method, string path, string action)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, actions: _actions);

        var (response, problem) = await harness.SendAsync(new HttpMethod(method), path, Secret, Body(action));

        AssertProblem(response, problem, 403, "auth-not-configured");
        Assert.Empty(_actions.Requests);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_action_must_answer_401_with_a_bearer_challenge_without_a_known_token(string method, string path, string action)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (missing, missingProblem) = await harness.SendAsync(new HttpMethod(method), path, token: null, Body(action));
        var (wrong, wrongProblem) = await harness.SendAsync(new HttpMethod(method), path, "ops-secret-0123456780", Body(action));

        AssertProblem(missing, missingProblem, 401, "unauthorized");
        AssertProblem(wrong, wrongProblem, 401, "unauthorized");
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.ToString());
        Assert.Empty(_actions.Requests);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_action_must_answer_200_with_who_when_and_why_and_changed_false_on_a_repeat(string method, string path, string action)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (first, body) = await harness.SendAsync(new HttpMethod(method), path, Secret, Body(action));
        var (again, repeat) = await harness.SendAsync(new HttpMethod(method), path, Secret, Body(action));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(action, body.GetProperty("action").GetString());
        Assert.Equal(path.Split('/')[2], body.GetProperty("target").GetString());
        Assert.Equal("ops", body.GetProperty("by").GetString());
        Assert.Equal(FakeControllerStatus.At, body.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("maintenance", body.GetProperty("reason").GetString());
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(repeat.GetProperty("changed").GetBoolean());
        var request = _actions.Requests.First();
        Assert.Equal("ops", request.By);
        Assert.Equal("maintenance", request.Reason);
    }

    [Fact]
    public async Task Bounds_must_reach_the_controller_with_min_and_max_and_a_bare_action_without_a_reason()
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (bounds, _) = await harness.SendAsync(HttpMethod.Put, "/districts/district-a/bounds", Secret, """{"min": 2, "max": 6}""");
        var (pause, pauseBody) = await harness.SendAsync(HttpMethod.Post, "/districts/district-a/pause", Secret);

        Assert.Equal(HttpStatusCode.OK, bounds.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal(JsonValueKind.Null, pauseBody.GetProperty("reason").ValueKind);
        Assert.Equal(
            [new OperatorRequest(OperatorAction.SetBounds, "district-a", "ops", null, 2, 6), new OperatorRequest(OperatorAction.Pause, "district-a", "ops", null)],
            _actions.Requests);
    }

    [Theory]
    [InlineData("""{"min": 5, "max": 2}""", "min (5) must be ≤ max (2)")]
    [InlineData("""{"min": -1, "max": 2}""", "min must be ≥ 0, got -1")]
    [InlineData("""{"min": 0, "max": -2}""", "max must be ≥ 0, got -2")]
    [InlineData("""{"max": 2}""", "bounds need both \"min\" and \"max\" (integers)")]
    public async Task Bounds_must_answer_400_for_min_above_max_a_negative_or_a_missing_bound(string body, string detail)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, problem) = await harness.SendAsync(HttpMethod.Put, "/districts/district-a/bounds", Secret, body);

        AssertProblem(response, problem, 400, "invalid-bounds");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Empty(_actions.Requests);
    }

    [Theory]
    [InlineData("not json", "invalid-body")]
    [InlineData("""{"reason": 3}""", "invalid-body")]
    [InlineData("""{"min": "two", "max": 3}""", "invalid-body")]
    [InlineData("""["reason"]""", "invalid-body")]
    public async Task Actions_must_answer_400_for_a_body_they_cannot_read(string body, string type)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, problem) = await harness.SendAsync(HttpMethod.Put, "/districts/district-a/bounds", Secret, body);

        AssertProblem(response, problem, 400, type);
        Assert.Empty(_actions.Requests);
    }

    [Theory]
    [InlineData("/districts/bad%20name/pause")]
    [InlineData("/nodes/n%3Bode/drain")]
    public async Task Actions_must_answer_400_for_a_malformed_name(string path)
    {
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, problem) = await harness.SendAsync(HttpMethod.Post, path, Secret);

        AssertProblem(response, problem, 400, "invalid-name");
        Assert.Empty(_actions.Requests);
    }

    [Theory]
    [InlineData("/districts/district-z/pause", "unknown-district", "district-z")]
    [InlineData("/nodes/node-9.example.com/protect", "unknown-node", "node-9.example.com")]
    public async Task Actions_must_answer_404_for_an_unknown_target(string path, string type, string name)
    {
        _actions.Answer = r => OperatorOutcome.Refused(OperatorVerdict.UnknownTarget, r, FakeControllerStatus.At, "unknown");
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, problem) = await harness.SendAsync(HttpMethod.Post, path, Secret);

        AssertProblem(response, problem, 404, type);
        Assert.Contains(name, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_drain_of_a_node_that_is_not_Active_must_answer_409_naming_its_state()
    {
        _actions.Answer = r => OperatorOutcome.Refused(OperatorVerdict.Conflict, r, FakeControllerStatus.At, "node-1.example.com is Booting, not Active");
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, problem) = await harness.SendAsync(HttpMethod.Post, "/nodes/node-1.example.com/drain", Secret);

        AssertProblem(response, problem, 409, "conflict");
        Assert.Equal("node-1.example.com is Booting, not Active", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Read_routes_must_stay_open_when_tokens_are_configured()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a"));
        await using var harness = await ManagementHarness.StartAsync(_status, settings: WithToken, actions: _actions);

        var (response, _) = await harness.GetAsync("/districts/district-a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_secret_must_never_appear_in_a_response_or_a_log_line()
    {
        var logged = new CollectingSink();
        _actions.Answer = r => r.Action == OperatorAction.Drain
            ? OperatorOutcome.Refused(OperatorVerdict.Conflict, r, FakeControllerStatus.At, $"refused for {r.Reason}")
            : null;
        await using var harness = await ManagementHarness.StartAsync(_status, new SecretRedactor([Secret]), WithToken,
            services => services.AddSerilog(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(logged).CreateLogger(), dispose: true), _actions);

        var bodies = new List<string>();
        foreach (var (method, path, token) in new[]
                 {
                     ("POST", "/districts/district-a/pause", Secret),
                     ("POST", "/nodes/node-1.example.com/drain", Secret),
                     ("POST", "/districts/district-a/pause", Secret + "x"),
                 })
        {
            var (_, body) = await harness.SendAsync(new HttpMethod(method), path, token, $$"""{"reason": "pasted {{Secret}} by mistake"}""");
            bodies.Add(body.GetRawText());
        }

        Assert.All(bodies, b => Assert.DoesNotContain(Secret, b, StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains(SecretRedactor.Mask, StringComparison.Ordinal));
        Assert.NotEmpty(logged.Lines);
        Assert.All(logged.Lines, line => Assert.DoesNotContain(Secret, line, StringComparison.Ordinal));
    }

    private static string? Body(string action) =>
        action == "bounds" ? """{"min": 1, "max": 5, "reason": "maintenance"}""" : """{"reason": "maintenance"}""";

    private static void AssertProblem(HttpResponseMessage response, JsonElement problem, int status, string type)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(Problems.TypePrefix + type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }
}
