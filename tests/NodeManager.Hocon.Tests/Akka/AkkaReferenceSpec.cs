namespace NodeManager.Hocon.Tests.Akka;

/// <summary>The assembled reference the akka.* validator is given must hold every module's section.</summary>
public sealed class AkkaReferenceSpec
{
    [Theory]
    [InlineData("akka.actor.ask-timeout")]
    [InlineData("akka.remote.dot-netty.tcp.hostname")]
    [InlineData("akka.cluster.roles")]
    [InlineData("akka.cluster.singleton.singleton-name")]
    [InlineData("akka.cluster.singleton-proxy.buffer-size")]
    [InlineData("akka.cluster.pub-sub.role")]
    [InlineData("akka.cluster.client.receptionist.name")]
    [InlineData("akka.cluster.sharding.passivate-idle-entity-after")]
    [InlineData("akka.cluster.distributed-data.name")]
    [InlineData("akka.persistence.journal-plugin-fallback.recovery-event-timeout")]
    [InlineData("akka.persistence.journal.sql.connection-string")]
    [InlineData("akka.persistence.snapshot-store.sql.connection-string")]
    [InlineData("akka.persistence.query.journal.sql.refresh-interval")]
    [InlineData("akka.coordination.lease.heartbeat-timeout")]
    [InlineData("akka.discovery.method")]
    [InlineData("akka.stream.materializer.initial-input-buffer-size")]
    public void The_assembled_reference_must_hold_every_modules_section(string path)
    {
        Assert.True(AkkaReference.Assembled.HasPath(path), path);
    }
}
