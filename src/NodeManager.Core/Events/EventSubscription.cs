using System.Threading.Channels;

namespace NodeManager.Core.Events;

/// <summary>One reader of <see cref="EventFeed"/>: what it missed (<see cref="Replay"/>), then <see cref="Live"/> events.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly EventFeed _feed;
    private readonly FeedFilter _filter;
    private readonly Channel<FeedEvent> _channel;

    internal EventSubscription(EventFeed feed, FeedFilter filter, IReadOnlyList<FeedEvent> replay, int capacity)
    {
        _feed = feed;
        _filter = filter;
        Replay = replay;
        _channel = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The kept events the reader had not seen when it subscribed, oldest first.</summary>
    public IReadOnlyList<FeedEvent> Replay { get; }

    /// <summary>Events recorded since, oldest first; completes when the feed closes.</summary>
    public ChannelReader<FeedEvent> Live => _channel.Reader;

    internal void Offer(FeedEvent e)
    {
        if (_filter.Matches(e)) _channel.Writer.TryWrite(e);
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _feed.Remove(this);
        Complete();
    }
}
