using NodeManager.Core.Cloud;

namespace NodeManager.Core.Controller;

/// <summary>
/// The cloud's limits, read at most once per TTL and forgotten at once on any quota error (so a launch never trusts
/// headroom the cloud has just denied). Thread-safe; shared by the district supervisors.
/// </summary>
public sealed class LimitsCache(ICloud cloud, TimeProvider time, TimeSpan ttl)
{
    private readonly Lock _lock = new();
    private (CloudLimits Limits, DateTimeOffset At)? _cached;

    public async Task<CloudLimits> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } c && now - c.At < ttl) return c.Limits;
        }

        var limits = await cloud.GetLimitsAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock) _cached = (limits, now);
        return limits;
    }

    public void Invalidate()
    {
        lock (_lock) _cached = null;
    }
}
