using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;
using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Serialization;
using NodeManager.Core.Settings;
using NodeManager.Core.Tests.Support;
using NodeManager.Simulators.Paas;
using NodeManager.Testing;

namespace NodeManager.Core.Tests.Districts;

/// <summary>
/// The controller as a member runs it: a cluster of one (Akka.Remote on a free loopback port, joined to itself), each
/// district a Cluster Sharding entity remembered in the journal, the capacity watcher a cluster singleton. Real time:
/// cluster gossip does not run on a test scheduler, so the simulators are quick instead.
/// </summary>
public sealed class ShardedDistrictSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Config Configuration = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster.sharding {
          remember-entities = on
          remember-entities-store = eventsourced
          distributed-data.durable.keys = []
          passivate-idle-entity-after = off
        }
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """).WithFallback(ProductSerialization.Config);

    private readonly SimulatedCloud _cloud = new(TimeProvider.System, new SimulatedCloudOptions
    {
        BootTime = TimeSpan.FromMilliseconds(300),
        VolumeCreateTime = TimeSpan.FromMilliseconds(100),
        AttachTime = TimeSpan.FromMilliseconds(100),
        DeleteTime = TimeSpan.FromMilliseconds(100),
    });

    private readonly PaasSimulator _paas = new(new PaasSimulatorOptions
    {
        ReadyDelay = TimeSpan.FromMilliseconds(300),
        MoveTime = TimeSpan.Zero,
        MoveFailureRate = 0,
        MaxActiveGears = 100,
        Districts = [new SimulatedDistrict("d1", "small", 6000, [new DemandPoint(TimeSpan.Zero, 5)])],
    }, TimeProvider.System);

    public ShardedDistrictSpec()
        : base(Configuration)
    {
        var cluster = Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        Services = new ControllerServices(
            ControllerWorld.Cluster, _cloud, _paas, _paas,
            CapacitySettings.Default with { Interval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromSeconds(3) },
            ScalingSettings.Default with { LimitsCacheTtl = TimeSpan.Zero },
            NodeLifecycleSettings.Default with
            {
                PollInterval = TimeSpan.FromMilliseconds(100),
                RestartBackoffMin = TimeSpan.FromMilliseconds(100),
                RestartBackoffMax = TimeSpan.FromMilliseconds(500),
            },
            DistrictsSettings.Uniform(DistrictSettings.Default with { MinNodes = 1, MaxNodes = 1 }),
            ProfilesSettings.Single(new ProfileSettings("small", "centos", "m1.small")
            {
                Volume = new VolumeSettings(true, 10, null, "/dev/vdb"),
                Naming = NamingSettings.Default with { Domain = "paas.test" },
            }),
            CleanupSettings.Default,
            new ControllerBoard(),
            new LimitsCache(_cloud, TimeProvider.System, TimeSpan.Zero),
            TimeProvider.System,
            new CapturingLoggerFactory());
    }

    private ControllerServices Services { get; }

    [Fact]
    public void A_district_must_run_as_a_sharding_entity_whose_nodes_are_its_children()
    {
        var host = ControllerHost.StartClustered(Services, Sys);

        AwaitAssert(() => Assert.Equal(NodePhase.Active, Assert.Single(Services.Board.Districts["d1"].Nodes).Phase), Patience);

        var district = Identify("/system/sharding/district/d1/d1/district");
        Assert.NotNull(district);
        var node = Assert.Single(Services.Board.Districts["d1"].Nodes);
        Assert.NotNull(Identify($"/system/sharding/district/d1/d1/district/node-{node.Host}-1"));
        Assert.Equal(MemberStatus.Up, Cluster.Get(Sys).SelfMember.Status);
        Assert.DoesNotContain(host.NotReadyReasons, r => r.Contains("cluster", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_command_must_reach_the_district_through_the_shard_region()
    {
        var host = ControllerHost.StartClustered(Services, Sys);
        AwaitAssert(() => Assert.True(Services.Board.Districts.TryGetValue("d1", out var view) && view.Recovered), Patience);

        var answer = await host.RequestDrainAsync("d1", "nobody.paas.test", "maintenance", CancellationToken.None).WaitAsync(Patience);

        var refused = Assert.IsType<NodeLifecycle.DrainRefused>(answer);
        Assert.Equal("nobody.paas.test is not a node this district manages", refused.Reason);
    }

    [Fact]
    public void A_district_stopped_by_a_failing_journal_must_come_back_and_resume_its_nodes()
    {
        ControllerHost.StartClustered(Services, Sys);
        AwaitAssert(() => Assert.Equal(NodePhase.Active, Assert.Single(Services.Board.Districts["d1"].Nodes).Phase), Patience);
        var first = Identify("/system/sharding/district/d1/d1/district")!;
        Watch(first);

        // What a persistent actor does when its journal fails: it stops; the entity's back-off supervisor starts it again.
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first, Patience);

        AwaitAssert(() =>
        {
            var again = Identify("/system/sharding/district/d1/d1/district");
            Assert.NotNull(again);
            Assert.NotEqual(first, again);
        }, Patience);
        // The district's recovered view shows the node as its own journal left it until the node actor, recreated from
        // the node's journal, reports where it stands: wait for that report, not for the district alone.
        AwaitAssert(() =>
        {
            var district = Services.Board.Districts["d1"];
            Assert.True(district.Recovered);
            Assert.Equal(NodePhase.Active, Assert.Single(district.Nodes).Phase);
        }, Patience);
        Assert.Equal(1, _cloud.Calls.Count(c => c.StartsWith("create-server", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_capacity_watcher_must_run_as_the_clusters_singleton()
    {
        var host = ControllerHost.StartClustered(Services, Sys);

        AwaitAssert(() => Assert.NotNull(Identify($"/user/{ControllerHost.WatcherName}/singleton")), Patience);
        AwaitAssert(() => Assert.True(Services.Board.CapacityAnswered), Patience);
        Assert.Equal($"/user/{ControllerHost.WatcherName}-proxy", host.Watcher.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task A_district_another_member_publishes_must_show_here_naming_the_member_that_drives_it()
    {
        var host = ControllerHost.StartClustered(Services, Sys);
        // The profile arrives with the watcher's first decision, after the recovery: the copy below must carry it.
        AwaitAssert(() => Assert.True(Services.Board.Districts.TryGetValue("d1", out var view) && view.Recovered && view.Profile == "small"), Patience);
        const string other = "akka.tcp://test@127.0.0.1:4999";
        // What the other member sends, through the serializer as it would cross the wire.
        var sent = new BoardReplication.DistrictPublished(other, Services.Board.Districts["d1"] with { Name = "d9" });
        var serializer = Sys.Serialization.FindSerializerFor(sent);
        var received = Sys.Serialization.Deserialize(
            serializer.ToBinary(sent), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, sent));

        AwaitAssert(() =>
        {
            DistributedPubSub.Get(Sys).Mediator.Tell(new Publish(BoardReplication.Topic, received));
            Assert.True(Services.Board.Owners.ContainsKey("d9"));
        }, Patience);

        var districts = await host.GetDistrictsAsync(CancellationToken.None);
        Assert.Equal(Cluster.Get(Sys).SelfAddress.ToString(), districts.Single(d => d.Name == "d1").Owner);
        Assert.Equal(other, districts.Single(d => d.Name == "d9").Owner);
        Assert.Equal("small", districts.Single(d => d.Name == "d9").Profile);
    }

    private IActorRef? Identify(string path)
    {
        var probe = CreateTestProbe();
        Sys.ActorSelection(path).Tell(new Identify(path), probe.Ref);
        return probe.ExpectMsg<ActorIdentity>(TimeSpan.FromSeconds(5)).Subject;
    }
}
