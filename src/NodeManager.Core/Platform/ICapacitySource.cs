namespace NodeManager.Core.Platform;

/// <summary>
/// Where utilisation comes from (an <c>oo-stats</c>-style exporter, a URL, a file, the PaaS simulator).
/// </summary>
public interface ICapacitySource
{
    /// <summary>
    /// Reads one capacity document. Waits for the answer at most the source's configured timeout and then
    /// throws <see cref="PlatformException"/>; a failed or timed-out read makes the watcher hold, never crash.
    /// Read-only and safe to call concurrently with node operations.
    /// </summary>
    Task<CapacityDocument> ReadAsync(CancellationToken cancellationToken);
}
