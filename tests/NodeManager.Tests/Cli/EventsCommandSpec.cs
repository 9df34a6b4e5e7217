using Microsoft.AspNetCore.Http;
using NodeManager.Cli;

namespace NodeManager.Tests.Cli;

/// <summary>`events` and `why` against a fake endpoint serving the contract's event routes.</summary>
public sealed class EventsCommandSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private FakeManagementServer _server = null!;
    private readonly OperatorCli _cli = new();

    public async Task InitializeAsync() => _server = await FakeManagementServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private const string Events = """
        { "version": 1, "events": [
          { "id": 3, "at": "2026-12-03T10:31:20.000Z", "kind": "decision", "district": "district-a", "node": null, "type": "Hold",
            "message": "paused by ops" },
          { "id": 2, "at": "2026-12-03T10:30:38.000Z", "kind": "condition", "district": "district-a", "node": null, "type": "exhausted",
            "message": "raised: quota headroom: no room for one more node (instances: 5 of 5 used)" },
          { "id": 1, "at": "2026-12-03T10:30:32.000Z", "kind": "node", "district": "district-a", "node": "district-a-3.example.com",
            "type": "Active", "message": "NodeJoined" } ] }
        """;

    [Fact]
    public async Task Events_must_ask_with_the_filters_given_and_print_one_line_each_oldest_first()
    {
        _server.Answer("GET", "/events", 200, Events);

        var code = await _cli.RunAsync("events", "--district", "district-a", "--kind", "decision", "--limit", "20", "--endpoint", _server.Address.ToString());

        var lines = _cli.Out.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("/events?district=district-a&kind=decision&limit=20", Assert.Single(_server.Requests).PathAndQuery);
        Assert.Equal(3, lines.Length);
        Assert.Equal("2026-12-03 10:30:32Z  node       district-a/district-a-3.example.com  Active: NodeJoined", lines[0]);
        Assert.EndsWith("Hold: paused by ops", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_must_be_a_usage_error()
    {
        var code = await _cli.RunAsync("events", "--kind", "gossip", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Follow_must_print_each_event_and_reconnect_with_the_last_event_id_when_the_stream_drops(string output)
    {
        var reconnected = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = 0;
        _server.Answer("GET", "/events/stream", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            if (Interlocked.Increment(ref connections) == 1)
            {
                // Two events, then the connection ends as a restarting member's would.
                await context.Response.WriteAsync(": keep-alive\n\n" + Sse(1, "node", "Booting") + Sse(2, "decision", "ScaleUp"));
                return;
            }

            await context.Response.WriteAsync(": keep-alive\n\n");
            await context.Response.Body.FlushAsync();
            reconnected.TrySetResult(context.Request.Headers["Last-Event-ID"]);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var ctrlC = new CancellationTokenSource();

        var run = _cli.RunAsync(["events", "--follow", "--district", "district-a", "-o", output, "--endpoint", _server.Address.ToString()], ctrlC.Token);
        var lastEventId = await reconnected.Task.WaitAsync(Limit);
        await ctrlC.CancelAsync();
        var code = await run.WaitAsync(Limit);

        var lines = _cli.Out.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal("2", lastEventId);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(2, lines.Length);
        if (output == "json")
        {
            // Each event's data line as the stream carried it, one JSON document per line.
            Assert.Equal(Data(1, "node", "Booting"), lines[0]);
            Assert.Equal(Data(2, "decision", "ScaleUp"), lines[1]);
        }
        else
        {
            Assert.EndsWith("district-a/node-3.example.com  Booting: event 1", lines[0], StringComparison.Ordinal);
            Assert.EndsWith("district-a/node-3.example.com  ScaleUp: event 2", lines[1], StringComparison.Ordinal);
        }

        Assert.Contains("the endpoint ended the stream; reconnecting after event 2", _cli.Err.ToString());
        Assert.All(_server.Requests, r => Assert.Equal("/events/stream?district=district-a", r.PathAndQuery));
        Assert.Null(_server.Requests.First().LastEventId);
    }

    [Fact]
    public async Task Follow_must_stop_with_the_refusals_own_code_when_the_endpoint_refuses_the_stream()
    {
        _server.Answer("GET", "/events/stream", 400, FakeManagementServer.Problem(400, "Invalid district name", "Names are letters and digits."));

        var code = await _cli.RunAsync(["events", "--follow", "--district", "x", "--endpoint", _server.Address.ToString()], CancellationToken.None);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Equal("nodemgr events: Invalid district name (400): Names are letters and digits.", _cli.Err.ToString().TrimEnd());
    }

    [Fact]
    public async Task Why_must_say_in_plain_words_why_a_paused_district_does_not_scale_with_its_recent_decisions()
    {
        _server.Answer("GET", "/districts/district-a", 200, PausedDistrict);
        _server.Answer("GET", "/events", 200, Events);

        var code = await _cli.RunAsync("why", "district-a", "--endpoint", _server.Address.ToString());

        var text = _cli.Out.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["/districts/district-a", "/events?district=district-a&limit=200"], _server.Requests.Select(r => r.PathAndQuery));
        Assert.StartsWith("district-a is not scaling: operator ops paused it at 2026-12-03 10:31:00Z (kernel update).", text, StringComparison.Ordinal);
        Assert.Contains("Bounds 1..3 (set by operator ops at 2026-12-03 10:29:00Z); it has 3 live node(s) (Active 3): at its maximum, it will not grow.", text);
        Assert.Contains("Condition exhausted since 2026-12-03 10:30:38Z: cloud: quota headroom", text);
        Assert.Contains("raised: quota headroom: no room for one more node", text);
        Assert.Contains("paused by ops", text);
        Assert.DoesNotContain("NodeJoined", text);
    }

    [Fact]
    public async Task Why_must_still_answer_from_the_district_when_the_endpoint_has_no_events()
    {
        _server.Answer("GET", "/districts/district-a", 200, PausedDistrict);

        var code = await _cli.RunAsync("why", "district-a", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Recent decisions and conditions: not available: Unknown route (404): No route answers GET /events.", _cli.Out.ToString());
    }

    [Fact]
    public async Task Why_an_unknown_district_must_exit_1()
    {
        _server.Answer("GET", "/districts/nowhere", 404, FakeManagementServer.Problem(404, "Unknown district", "No district is named 'nowhere'."));

        var code = await _cli.RunAsync("why", "nowhere", "--endpoint", _server.Address.ToString());

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("nodemgr why: Unknown district (404): No district is named 'nowhere'.", _cli.Err.ToString().TrimEnd());
    }

    private static string Sse(int id, string kind, string type) => $"id: {id}\nevent: {kind}\ndata: {Data(id, kind, type)}\n\n";

    private static string Data(int id, string kind, string type) =>
        $"{{\"id\":{id},\"at\":\"2026-12-03T10:30:0{id}.000Z\",\"kind\":\"{kind}\",\"district\":\"district-a\",\"node\":\"node-3.example.com\",\"type\":\"{type}\",\"message\":\"event {id}\"}}";

    private const string PausedDistrict = """
        { "version": 1, "district": { "name": "district-a", "profile": "small", "minNodes": 1, "maxNodes": 3, "paused": true,
          "nodesByState": { "Active": 3, "Reclaimed": 2 }, "utilisation": 96.5,
          "lastDecision": { "kind": "Hold", "reason": "paused by ops", "at": "2026-12-03T10:31:20.000Z" },
          "conditions": [ { "type": "exhausted", "message": "cloud: quota headroom: no room for one more node (instances: 5 of 5 used)",
                            "since": "2026-12-03T10:30:38.000Z", "retryAt": "2026-12-03T10:31:10.000Z" } ],
          "owner": "akka.tcp://nodemanager@127.0.0.1:40001",
          "overrides": [ { "setting": "paused", "value": "true", "by": "ops", "at": "2026-12-03T10:31:00.000Z", "reason": "kernel update" },
                         { "setting": "bounds", "value": "1..3", "by": "ops", "at": "2026-12-03T10:29:00.000Z", "reason": null } ] } }
        """;
}
