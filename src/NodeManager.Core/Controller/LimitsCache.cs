using NodeManager.Core.Cloud;

namespace NodeManager.Core.Controller;

/// <summary>
/// The cloud's limits, read at most once per TTL and forgotten at once on any quota error (so a launch never trusts
/// headroom the cloud has just denied). Thread-safe; shared by the district supervisors.
/// </summary>
public sealed class LimitsCache(ICloud cloud, TimeProvider time, TimeSpan ttl)
{
    private readonly Lock _lock = new();
    private ReadLimits? _cached;

    /// <summary>The limits and when they were read: usage after that instant is not in them.</summary>
    public async Task<ReadLimits> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } c && now - c.ReadAt < ttl) return c;
        }

        var limits = new ReadLimits(await cloud.GetLimitsAsync(cancellationToken).ConfigureAwait(false), now);
        lock (_lock) _cached = limits;
        return limits;
    }

    public void Invalidate()
    {
        lock (_lock) _cached = null;
    }
}

/// <summary>The cloud's limits as read at <see cref="ReadAt"/>.</summary>
public sealed record ReadLimits(CloudLimits Limits, DateTimeOffset ReadAt);
