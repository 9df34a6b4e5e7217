using NodeManager.Core.Events;
using static NodeManager.Core.Tests.Events.DistrictViews;

namespace NodeManager.Core.Tests.Events;

/// <summary><see cref="EventFeed"/>: a bounded ring of numbered events, read newest first, and live subscriptions.</summary>
public sealed class EventFeedSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static FeedEvent Event(string district = "district-a", string? node = null, string kind = FeedEventKind.Node, string type = "Active") =>
        new(0, T0, kind, district, node, type, $"{district} {node} {type}");

    [Fact]
    public void Ids_must_rise_by_one_per_event_from_one()
    {
        var feed = new EventFeed(10);
        feed.Append([Event(), Event()]);
        feed.Append([Event()]);

        Assert.Equal([3L, 2L, 1L], feed.Recent(FeedFilter.All, 10).Select(e => e.Id));
        Assert.Equal(3, feed.LastId);
    }

    [Fact]
    public void The_feed_must_keep_only_its_capacity_newest_first()
    {
        var feed = new EventFeed(5);
        for (var i = 0; i < 12; i++) feed.Append([Event(type: $"t{i}")]);

        var kept = feed.Recent(FeedFilter.All, 100);

        Assert.Equal([12L, 11L, 10L, 9L, 8L], kept.Select(e => e.Id));
        Assert.Equal("t11", kept[0].Type);
    }

    [Fact]
    public void Recent_must_honour_the_filter_and_the_limit()
    {
        var feed = new EventFeed(100);
        feed.Append([
            Event("district-a", "n1"), Event("district-b", "n2"), Event("district-a", null, FeedEventKind.Decision, "Hold"),
            Event("district-a", "n1", FeedEventKind.Condition, "drain-stalled"), Event("district-a", "n3"),
        ]);

        Assert.Equal([5L, 4L, 3L, 1L], feed.Recent(new FeedFilter(District: "district-a"), 10).Select(e => e.Id));
        Assert.Equal([4L, 1L], feed.Recent(new FeedFilter(Node: "n1"), 10).Select(e => e.Id));
        Assert.Equal([3L], feed.Recent(new FeedFilter(Kind: FeedEventKind.Decision), 10).Select(e => e.Id));
        Assert.Equal([5L, 1L], feed.Recent(new FeedFilter("district-a", Kind: FeedEventKind.Node), 10).Select(e => e.Id));
        Assert.Equal([5L, 4L], feed.Recent(FeedFilter.All, 2).Select(e => e.Id));
        Assert.Empty(feed.Recent(new FeedFilter(District: "nowhere"), 10));
    }

    [Fact]
    public async Task A_subscription_must_receive_matching_events_recorded_after_it()
    {
        var feed = new EventFeed(10);
        feed.Append([Event()]);
        using var subscription = feed.Subscribe(new FeedFilter(District: "district-b"));

        feed.Append([Event("district-a"), Event("district-b", type: "Booting")]);

        Assert.Empty(subscription.Replay);
        var e = await subscription.Live.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal((3L, "Booting"), (e.Id, e.Type));
        Assert.False(subscription.Live.TryRead(out _));
    }

    [Fact]
    public async Task A_subscription_with_a_last_event_id_must_replay_the_newer_kept_events_then_continue_without_a_gap()
    {
        var feed = new EventFeed(10);
        feed.Append([Event(), Event(), Event(), Event()]);

        using var subscription = feed.Subscribe(FeedFilter.All, afterId: 2);
        feed.Append([Event()]);

        Assert.Equal([3L, 4L], subscription.Replay.Select(e => e.Id));
        Assert.Equal(5, (await subscription.Live.ReadAsync().AsTask().WaitAsync(Timeout)).Id);
    }

    [Fact]
    public void A_last_event_id_from_before_a_restart_must_replay_everything_kept()
    {
        var feed = new EventFeed(10);
        feed.Append([Event(), Event()]);

        using var subscription = feed.Subscribe(FeedFilter.All, afterId: 500);

        Assert.Equal([1L, 2L], subscription.Replay.Select(e => e.Id));
    }

    [Fact]
    public void A_slow_subscriber_must_lose_its_oldest_events_and_never_hold_up_the_writer()
    {
        var feed = new EventFeed(4);
        using var subscription = feed.Subscribe(FeedFilter.All);

        // Nobody reads: the writer goes on regardless (a blocking write would hang this test).
        for (var i = 0; i < 10; i++) feed.Append([Event()]);

        var read = new List<long>();
        while (subscription.Live.TryRead(out var e)) read.Add(e.Id);
        Assert.Equal([7L, 8L, 9L, 10L], read);
    }

    [Fact]
    public async Task Closing_the_feed_must_end_every_subscription_and_disposing_one_must_stop_its_delivery()
    {
        var feed = new EventFeed(4);
        var gone = feed.Subscribe(FeedFilter.All);
        using var open = feed.Subscribe(FeedFilter.All);
        gone.Dispose();
        feed.Append([Event()]);

        Assert.False(gone.Live.TryRead(out _));
        feed.Close();

        Assert.Equal(1, (await open.Live.ReadAsync().AsTask().WaitAsync(Timeout)).Id);
        Assert.False(await open.Live.WaitToReadAsync().AsTask().WaitAsync(Timeout));
        using var late = feed.Subscribe(FeedFilter.All, afterId: 0);
        Assert.Single(late.Replay);
        Assert.False(await late.Live.WaitToReadAsync().AsTask().WaitAsync(Timeout));
    }
}
