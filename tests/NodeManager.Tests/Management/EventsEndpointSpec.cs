using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodeManager.Core.Events;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

/// <summary><c>GET /events</c> and <c>GET /events/stream</c> over the endpoint's <see cref="EventFeed"/>.</summary>
public sealed class EventsEndpointSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 30, 0, 123, TimeSpan.Zero);
    private readonly FakeControllerStatus _status = new();

    private static FeedEvent Event(string district, string? node, string kind, string type, string message = "one line") =>
        new(0, At, kind, district, node, type, message);

    private static EventFeed Feed(ManagementHarness harness) => harness.Services.GetRequiredService<EventFeed>();

    [Fact]
    public async Task Events_must_list_the_kept_events_newest_first_in_the_contract_shape()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);
        Feed(harness).Append([
            Event("district-a", "district-a-1.example.com", FeedEventKind.Node, "Active", "Joining → Active: NodeJoined"),
            Event("district-a", null, FeedEventKind.Decision, "Hold", "usage 50% between the water marks"),
        ]);

        var (response, body) = await harness.GetAsync("/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        var events = body.GetProperty("events");
        Assert.Equal([2L, 1L], events.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        var node = events[1];
        Assert.Equal(["id", "at", "kind", "district", "node", "type", "message"], node.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-12-03T10:30:00.123Z", node.GetProperty("at").GetString());
        Assert.Equal(("node", "district-a-1.example.com", "Active"),
            (node.GetProperty("kind").GetString(), node.GetProperty("node").GetString(), node.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Events_must_filter_by_district_node_and_kind_and_honour_the_limit()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);
        Feed(harness).Append([
            Event("district-a", "a-1", FeedEventKind.Node, "Booting"),
            Event("district-b", "b-1", FeedEventKind.Node, "Booting"),
            Event("district-a", null, FeedEventKind.Decision, "ScaleUp"),
            Event("district-a", "a-1", FeedEventKind.Node, "Active"),
            Event("district-a", null, FeedEventKind.Operator, "pause", "ops paused district-a: maintenance"),
        ]);

        async Task<long[]> Ids(string query) =>
            [.. (await harness.GetAsync("/events" + query)).Body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];

        Assert.Equal(new long[] { 5, 4, 3, 1 }, await Ids("?district=district-a"));
        Assert.Equal(new long[] { 4, 1 }, await Ids("?node=a-1"));
        Assert.Equal(new long[] { 3 }, await Ids("?kind=decision"));
        Assert.Equal(new long[] { 5 }, await Ids("?kind=operator"));
        Assert.Equal(new long[] { 4, 1 }, await Ids("?district=district-a&kind=node"));
        Assert.Equal(new long[] { 5, 4 }, await Ids("?limit=2"));
        Assert.Empty(await Ids("?district=no-such-district"));
    }

    [Theory]
    [InlineData("?kind=lifecycle", "invalid-kind")]
    [InlineData("?district=a%20b", "invalid-name")]
    [InlineData("?node=%3Cscript%3E", "invalid-name")]
    [InlineData("?limit=0", "invalid-limit")]
    [InlineData("?limit=1001", "invalid-limit")]
    [InlineData("?limit=ten", "invalid-limit")]
    public async Task Events_must_answer_400_problem_for_a_bad_query(string query, string type)
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/events" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Problems.TypePrefix + type, problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Events_must_not_show_a_configured_secret()
    {
        await using var harness = await ManagementHarness.StartAsync(_status, new SecretRedactor(["s3cr3t-password"]));
        Feed(harness).Append([Event("district-a", null, FeedEventKind.Condition, "launch-failing", "raised: auth with s3cr3t-password refused")]);

        var (_, body) = await harness.GetAsync("/events");

        Assert.Equal("raised: auth with *** refused", body.GetProperty("events")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_stream_must_push_an_event_recorded_after_the_client_connected()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);
        using var stream = await SseClient.OpenAsync(harness.Client, "/events/stream?district=district-a", lastEventId: null, Timeout);

        Assert.Equal("text/event-stream", stream.ContentType);
        Feed(harness).Append([
            Event("district-b", "b-1", FeedEventKind.Node, "Active"),
            Event("district-a", "a-1", FeedEventKind.Node, "Active", "Joining → Active: NodeJoined"),
        ]);

        var message = await stream.NextEventAsync(Timeout);
        Assert.Equal(("2", "node"), (message.Id, message.Event));
        var data = JsonDocument.Parse(message.Data).RootElement;
        Assert.Equal("a-1", data.GetProperty("node").GetString());
        Assert.Equal("Joining → Active: NodeJoined", data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_stream_must_replay_what_came_after_the_last_event_id_first()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);
        Feed(harness).Append([
            Event("district-a", "a-1", FeedEventKind.Node, "Booting"),
            Event("district-a", "a-1", FeedEventKind.Node, "Joining"),
            Event("district-a", "a-1", FeedEventKind.Node, "Active"),
        ]);

        using var stream = await SseClient.OpenAsync(harness.Client, "/events/stream", lastEventId: "1", Timeout);
        Feed(harness).Append([Event("district-a", null, FeedEventKind.Decision, "Hold")]);

        Assert.Equal(("2", "node"), Pick(await stream.NextEventAsync(Timeout)));
        Assert.Equal(("3", "node"), Pick(await stream.NextEventAsync(Timeout)));
        Assert.Equal(("4", "decision"), Pick(await stream.NextEventAsync(Timeout)));

        static (string, string) Pick(SseClient.Message m) => (m.Id, m.Event);
    }

    [Fact]
    public async Task The_stream_must_send_keep_alive_comments_while_nothing_happens_and_outlive_the_request_timeout()
    {
        var settings = ManagementSettings.Default with
        {
            Port = 0,
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Events = EventFeedSettings.Default with { KeepAlive = TimeSpan.FromMilliseconds(100) },
        };
        await using var harness = await ManagementHarness.StartAsync(_status, settings: settings);
        using var stream = await SseClient.OpenAsync(harness.Client, "/events/stream", lastEventId: null, Timeout);

        // Comments keep coming well past the request deadline of 200 ms: the stream is exempt from it.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(": keep-alive", await stream.NextCommentAsync(Timeout));
        }

        Feed(harness).Append([Event("district-a", null, FeedEventKind.Decision, "Hold")]);
        Assert.Equal("decision", (await stream.NextEventAsync(Timeout)).Event);
    }

    [Fact]
    public async Task The_stream_must_end_when_the_feed_closes()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);
        using var stream = await SseClient.OpenAsync(harness.Client, "/events/stream", lastEventId: null, Timeout);

        Feed(harness).Close();

        Assert.True(await stream.EndedAsync(Timeout));
    }

    [Fact]
    public async Task The_stream_must_answer_400_problem_for_a_bad_kind()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/events/stream?kind=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Problems.TypePrefix + "invalid-kind", problem.GetProperty("type").GetString());
    }
}
