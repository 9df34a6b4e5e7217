using Akka.Actor;
using Akka.Cluster;
using Akka.Remote;
using Microsoft.Extensions.Logging;

namespace NodeManager.Hosting;

/// <summary>
/// Stops this member when a member of its cluster has quarantined it. That is what the others do to a member they
/// downed and removed, for instance one that was paused (SIGSTOP, a frozen VM) past the failure detector: when it runs
/// again it can no longer reach them, and its own split brain resolver, acting on its stale view, would down them in
/// turn and leave it running as a cluster of one (fenced by the leases, but up and doing nothing). It runs coordinated
/// shutdown as a downed member does, and the process exits 1 for its service manager to start it afresh.
/// A quarantine from an address that is no member here (one this member already removed, which may itself be the
/// stale one) is only logged: stopping on it would let a stale member stop the healthy ones.
/// </summary>
public sealed partial class QuarantinedMemberStop : ReceiveActor
{
    private readonly ILogger _log;

    public QuarantinedMemberStop(ILogger log)
    {
        _log = log;
        Receive<ThisActorSystemQuarantinedEvent>(OnQuarantined);
    }

    public static Props Props(ILogger log) => Akka.Actor.Props.Create(() => new QuarantinedMemberStop(log));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ThisActorSystemQuarantinedEvent));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnQuarantined(ThisActorSystemQuarantinedEvent quarantined)
    {
        var by = quarantined.RemoteAddress;
        if (!IsMember(by))
        {
            LogIgnored(_log, by.ToString());
            return;
        }

        LogStopping(_log, by.ToString());
        CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClusterDowningReason.Instance);
    }

    private static bool IsMember(Address address) =>
        Akka.Cluster.Cluster.Get(Context.System).State.Members.Any(m => m.Address == address && m.Status != MemberStatus.Removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Member {Member} has quarantined this member (it was downed and removed while it could not answer): stopping, to be started afresh")]
    private static partial void LogStopping(ILogger logger, string member);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Address}, no member of this cluster any more, has quarantined this member: ignored")]
    private static partial void LogIgnored(ILogger logger, string address);
}
