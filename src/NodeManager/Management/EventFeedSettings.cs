namespace NodeManager.Management;

/// <summary><c>node-manager.management.events</c>: the event feed behind <c>/events</c> and <c>/events/stream</c>.</summary>
/// <param name="Buffer">How many recent events the member keeps; also how far a stream client may fall behind.</param>
/// <param name="KeepAlive">How often an idle stream sends a comment so that proxies keep it open.</param>
public sealed record EventFeedSettings(int Buffer, TimeSpan KeepAlive)
{
    /// <summary>The defaults of reference.conf.</summary>
    public static EventFeedSettings Default { get; } = new(1000, TimeSpan.FromSeconds(15));
}
