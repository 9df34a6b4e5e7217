using NodeManager.Core.Cloud;
using NodeManager.Core.Platform;

namespace NodeManager.Core.Capacity;

/// <summary>The protocol of <see cref="CapacityWatcherActor"/>.</summary>
public static class CapacityWatcher
{
    /// <summary>Read the capacity source and decide now (also sent by the watcher's own timer every interval).</summary>
    public sealed class Poll
    {
        public static Poll Instance { get; } = new();

        private Poll() { }
    }

    /// <summary>
    /// An operator asks for an evaluation now rather than at the next interval (from any member: it crosses to the
    /// singleton); the same as <see cref="Poll"/>, and like it skipped while a read is in flight.
    /// </summary>
    public sealed record EvaluateNow(string District, string By) : Serialization.IVersionedMessage;

    /// <summary>Published on the event stream after every evaluation (tests and the log subscribe).</summary>
    public sealed record Evaluated(DateTimeOffset At, Scaling.PolicyOutcome Outcome);

    /// <summary>Published when the source failed and every district was told to hold.</summary>
    public sealed record SourceFailed(DateTimeOffset At, string Reason);

    /// <summary>Published after each leak scan: servers with this cluster's metadata that no node knows.</summary>
    public sealed record LeaksFound(DateTimeOffset At, IReadOnlyList<string> Servers, bool Deleted);

    internal sealed record CapacityRead(CapacityDocument Document);

    internal sealed record CapacityFailed(Exception Error);

    internal sealed record LeakScan(IReadOnlyList<CloudServer> Servers);
}
