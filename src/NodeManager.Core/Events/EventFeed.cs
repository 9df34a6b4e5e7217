namespace NodeManager.Core.Events;

/// <summary>
/// The member's recent events in a bounded ring (the oldest make room), numbered as they are recorded, and the live
/// readers of <c>/events/stream</c>. Thread-safe; <see cref="Append"/> never waits for a reader: each subscription has
/// its own bounded channel that drops its oldest event when its reader falls behind.
/// </summary>
public sealed class EventFeed
{
    public const int DefaultCapacity = 1000;

    private readonly Lock _lock = new();
    private readonly FeedEvent[] _ring;
    private readonly List<EventSubscription> _subscriptions = [];
    private int _start;
    private int _count;
    private long _lastId;
    private bool _closed;

    /// <param name="capacity">How many events the ring keeps, and how many a slow reader may fall behind before losing the oldest.</param>
    public EventFeed(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new FeedEvent[capacity];
    }

    public int Capacity => _ring.Length;

    /// <summary>The id of the newest event recorded; 0 before the first.</summary>
    public long LastId
    {
        get
        {
            lock (_lock) return _lastId;
        }
    }

    /// <summary>Numbers <paramref name="events"/> in order, keeps them, and hands each to the subscriptions it matches.</summary>
    public void Append(IReadOnlyList<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var e in events)
            {
                var numbered = e with { Id = ++_lastId };
                _ring[(_start + _count) % _ring.Length] = numbered;
                if (_count < _ring.Length) _count++;
                else _start = (_start + 1) % _ring.Length;
                foreach (var subscription in _subscriptions)
                {
                    subscription.Offer(numbered);
                }
            }
        }
    }

    /// <summary>The newest <paramref name="limit"/> kept events that match <paramref name="filter"/>, newest first.</summary>
    public IReadOnlyList<FeedEvent> Recent(FeedFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var found = new List<FeedEvent>(Math.Min(limit, 64));
        lock (_lock)
        {
            for (var i = _count - 1; i >= 0 && found.Count < limit; i--)
            {
                var e = _ring[(_start + i) % _ring.Length];
                if (filter.Matches(e)) found.Add(e);
            }
        }

        return found;
    }

    /// <summary>
    /// A live subscription to the events that match <paramref name="filter"/>. Its <see cref="EventSubscription.Replay"/>
    /// holds the kept events newer than <paramref name="afterId"/> (the client's <c>Last-Event-ID</c>), oldest first, and
    /// its channel every event recorded after that, with neither gap nor repeat between the two. An id newer than any
    /// recorded here comes from before this process started: everything kept is replayed. Dispose it to stop.
    /// </summary>
    public EventSubscription Subscribe(FeedFilter filter, long? afterId = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            var after = afterId is { } id && id <= _lastId ? id : afterId is null ? _lastId : 0;
            var replay = new List<FeedEvent>();
            for (var i = 0; i < _count; i++)
            {
                var e = _ring[(_start + i) % _ring.Length];
                if (e.Id > after && filter.Matches(e)) replay.Add(e);
            }

            var subscription = new EventSubscription(this, filter, replay, _ring.Length);
            if (_closed) subscription.Complete();
            else _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Ends every subscription (the endpoint is stopping); later ones end at once after their replay.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Complete();
            }

            _subscriptions.Clear();
        }
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_lock) _subscriptions.Remove(subscription);
    }
}
