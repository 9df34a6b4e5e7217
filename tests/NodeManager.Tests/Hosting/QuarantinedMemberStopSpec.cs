using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Remote;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Logging;
using NodeManager.Hosting;
using NodeManager.Testing;

namespace NodeManager.Tests.Hosting;

/// <summary>A member quarantined by a member of its cluster stops; a quarantine from a stranger is only logged.</summary>
public sealed class QuarantinedMemberStopSpec() : TestKit(Config, "quarantine")
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly Config Config = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """);

    private readonly CapturingLoggerFactory _logs = new();

    private Address Self => Akka.Cluster.Cluster.Get(Sys).SelfAddress;

    private void StartWatchingAsAMember()
    {
        Akka.Cluster.Cluster.Get(Sys).Join(Self);
        AwaitAssert(() => Assert.Equal(MemberStatus.Up, Akka.Cluster.Cluster.Get(Sys).SelfMember.Status), Limit);
        Sys.ActorOf(QuarantinedMemberStop.Props(_logs.CreateLogger("quarantine")));
    }

    [Fact]
    public void A_quarantine_by_a_member_of_the_cluster_must_stop_this_member_as_a_downed_one_stops()
    {
        StartWatchingAsAMember();

        // The member quarantining us here is ourselves: the one member this cluster has.
        AwaitAssert(() =>
        {
            Sys.EventStream.Publish(new ThisActorSystemQuarantinedEvent(Self, Self));
            Assert.True(Sys.WhenTerminated.Wait(TimeSpan.FromSeconds(1)));
        }, Limit);

        Assert.Equal(CoordinatedShutdown.ClusterDowningReason.Instance, CoordinatedShutdown.Get(Sys).ShutdownReason);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"Member {Self} has quarantined this member", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quarantine_by_an_address_that_is_no_member_must_be_logged_and_change_nothing()
    {
        StartWatchingAsAMember();
        var stranger = new Address("akka.tcp", Sys.Name, "127.0.0.1", 1);

        AwaitAssert(() =>
        {
            Sys.EventStream.Publish(new ThisActorSystemQuarantinedEvent(Self, stranger));
            Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"{stranger}, no member of this cluster any more", StringComparison.Ordinal));
        }, Limit);

        Assert.False(Sys.WhenTerminated.IsCompleted);
        Assert.Null(CoordinatedShutdown.Get(Sys).ShutdownReason);
        Assert.Equal(MemberStatus.Up, Akka.Cluster.Cluster.Get(Sys).SelfMember.Status);
    }
}
