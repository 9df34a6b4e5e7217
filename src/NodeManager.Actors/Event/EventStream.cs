namespace NodeManager.Actors;

/// <summary>
/// Publish/subscribe by type within one actor system: a subscriber to a type receives every
/// published event assignable to it. Stopped subscribers are dropped on the next publish.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    /// <returns>False if the subscriber was already subscribed to that type.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            if (Array.Exists(_subscriptions, s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(channel, subscriber)];
            return true;
        }
    }

    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        Remove(s => s.Channel == channel && s.Subscriber.Equals(subscriber));

    public bool Unsubscribe(IActorRef subscriber) => Remove(s => s.Subscriber.Equals(subscriber));

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var stale = false;
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Subscriber is IInternalActorRef { IsTerminated: true })
            {
                stale = true;
            }
            else if (subscription.Channel.IsInstanceOfType(@event))
            {
                subscription.Subscriber.Tell(@event);
            }
        }

        if (stale)
        {
            Remove(static s => s.Subscriber is IInternalActorRef { IsTerminated: true });
        }
    }

    private bool Remove(Predicate<Subscription> match)
    {
        lock (_lock)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    private sealed record Subscription(Type Channel, IActorRef Subscriber);
}
