namespace NodeManager.Management;

/// <summary>
/// <c>node-manager.management</c>: where the management endpoint listens. Akka Management's defaults:
/// loopback only, port 8558 — its read-only routes have no authentication, so exposing it is an operator's choice; its
/// operator actions need one of <see cref="Tokens"/>.
/// </summary>
/// <param name="Enabled">Serves the endpoint when on; off for tools that only need the controller.</param>
/// <param name="Hostname">An IP literal, <c>localhost</c>, or <c>0.0.0.0</c> / <c>::</c> for every interface.</param>
/// <param name="Port">TCP port; 0 picks a free one (tests).</param>
/// <param name="RequestTimeout">How long a request waits for the controller's answer before it gets 503.</param>
public sealed partial record ManagementSettings(bool Enabled, string Hostname, int Port, TimeSpan RequestTimeout)
{
    /// <summary><c>metrics.enabled</c>: serves <c>GET /metrics</c> (Prometheus) and counts what the controller does.</summary>
    public bool MetricsEnabled { get; init; } = true;

    /// <summary><c>events</c>: the feed behind <c>/events</c> and <c>/events/stream</c>.</summary>
    public EventFeedSettings Events { get; init; } = EventFeedSettings.Default;

    /// <summary>
    /// <c>auth.tokens</c>: the bearer tokens the mutating routes accept, each a name (what journals and logs show as who
    /// acted) and a secret. Empty: operator actions are refused (403), never open.
    /// </summary>
    public IReadOnlyList<OperatorToken> Tokens { get; init; } = [];

    // Tokens compared by content: a record compares a list by reference.
    public bool Equals(ManagementSettings? other) =>
        other is not null && Enabled == other.Enabled && Hostname == other.Hostname && Port == other.Port
        && RequestTimeout == other.RequestTimeout && MetricsEnabled == other.MetricsEnabled && Events == other.Events
        && Tokens.SequenceEqual(other.Tokens);

    public override int GetHashCode() => HashCode.Combine(Enabled, Hostname, Port, RequestTimeout, MetricsEnabled, Events, Tokens.Count);

    /// <summary>The defaults of reference.conf.</summary>
    public static ManagementSettings Default { get; } = new(true, "127.0.0.1", 8558, TimeSpan.FromSeconds(5));
}
