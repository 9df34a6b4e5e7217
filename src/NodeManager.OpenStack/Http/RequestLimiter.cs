namespace NodeManager.OpenStack.Http;

/// <summary>
/// The per-cloud gate every request passes: at most <c>maxConcurrency</c> in flight, and (when
/// <c>interval</c> &gt; 0) request starts spaced at least <c>interval</c> apart, like Nodepool's <c>rate</c>.
/// Waiting uses the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RequestLimiter(int maxConcurrency, TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public async ValueTask<Slot> AcquireAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (interval > TimeSpan.Zero)
            {
                var wait = Reserve();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + interval;
            return start - now;
        }
    }

    public void Dispose() => _slots.Dispose();

    internal readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
