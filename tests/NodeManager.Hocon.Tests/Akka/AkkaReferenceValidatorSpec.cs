using NodeManager.Hocon.Akka;

namespace NodeManager.Hocon.Tests.Akka;

public sealed class AkkaReferenceValidatorSpec
{
    private static IReadOnlyList<string> Errors(string operatorText, IReadOnlyDictionary<string, string>? env = null)
    {
        var written = ConfigFactory.ParseString(operatorText, "ops.conf");
        var effective = written.Resolve(env is null ? ConfigResolveOptions.NoEnvironment : ConfigResolveOptions.WithEnvironment(env));
        return [.. AkkaReferenceValidator.Validate(written, effective, AkkaReference.Assembled).Select(e => e.Message)];
    }

    [Fact]
    public void A_full_operator_file_of_standard_akka_settings_must_pass()
    {
        const string text = """
            akka {
              loglevel = ${?NM_AKKA_LOGLEVEL}
              loggers = ["Akka.Event.DefaultLogger"]
              extensions += "Akka.Cluster.Tools.PublishSubscribe.DistributedPubSubExtensionProvider, Akka.Cluster.Tools"
              log-dead-letters = off
              actor {
                provider = cluster
                ask-timeout = 10s
                serializers { node-events = "NodeManager.Persistence.EventSerializer, NodeManager" }
                serialization-bindings { "NodeManager.Core.INodeEvent, NodeManager.Core" = node-events }
                serialization-identifiers { "NodeManager.Persistence.EventSerializer, NodeManager" = 4711 }
                deployment { "/user/district-*" { dispatcher = districts } }
                default-dispatcher { throughput = 10, fork-join-executor { parallelism-max = 8 } }
                districts { type = Dispatcher, executor = fork-join-executor, throughput = 5 }
                pinned-io { type = PinnedDispatcher, executor = thread-pool-executor }
                custom { type = "MyCompany.MyConfigurator, MyCompany", my-own-setting = 3 }
                bounded { mailbox-type = "Akka.Dispatch.BoundedMailbox", mailbox-capacity = 100, mailbox-push-timeout-time = 2s }
              }
              remote.dot-netty.tcp {
                hostname = 10.1.2.3
                port = 4053
                maximum-frame-size = 256000b
                ssl.certificate { path = /etc/nm/node.pfx, flags = [exportable] }
              }
              cluster {
                seed-nodes = ["akka.tcp://nm@10.1.2.3:4053"]
                roles = [controller]
                role.controller.min-nr-of-members = 1
                auto-down-unreachable-after = 30s
                sharding { passivate-idle-entity-after = off, remember-entities = on }
                singleton.use-lease = "akka.coordination.lease.postgresql"
              }
              coordination.lease.postgresql { lease-class = "NodeManager.Cluster.PostgresLease, NodeManager.Cluster", table = leases }
              coordinated-shutdown.phases.drain-nodes { timeout = 30s, depends-on = [service-unbind] }
              persistence {
                journal {
                  plugin = "akka.persistence.journal.sql"
                  sql {
                    connection-string = ${?NM_DB}
                    provider-name = PostgreSQL15
                    recovery-event-timeout = 60s
                    circuit-breaker.call-timeout = 20s
                  }
                  my-own-journal { class = "My.Journal, My", anything = goes }
                }
                snapshot-store.sql { connection-string = ${?NM_DB}, provider-name = PostgreSQL15 }
                query.journal.sql.refresh-interval = 2s
              }
            }
            node-manager.anything = 1
            """;
        var env = new Dictionary<string, string> { ["NM_AKKA_LOGLEVEL"] = "DEBUG", ["NM_DB"] = "Host=db;Database=nm" };
        Assert.Empty(Errors(text, env));
    }

    [Fact]
    public void An_unknown_key_must_be_reported_at_its_origin_with_the_closest_akka_key()
    {
        Assert.Equal(
            ["ops.conf:2:11: akka.actor.ask-timout: unknown key (not in Akka's reference configuration); did you mean akka.actor.ask-timeout?"],
            Errors("akka {\n  actor { ask-timout = 5s }\n}"));
        Assert.Equal(
            ["ops.conf:1:1: akka.remote.dot-netty.tpc.port: unknown key (not in Akka's reference configuration); did you mean akka.remote.dot-netty.tcp.port?"],
            Errors("akka.remote.dot-netty.tpc.port = 4053"));
    }

    [Fact]
    public void Every_fault_must_be_reported_not_only_the_first()
    {
        const string text = """
            akka.loglevel = INFO
            akka.log-config-on-strat = on
            akka.actor.ask-timeout = soon
            akka.cluster.sharding.remember-entites = on
            akka.persistence.journal.sql.conection-string = "Host=db"
            """;
        Assert.Equal(
            [
                "ops.conf:2:1: akka.log-config-on-strat: unknown key (not in Akka's reference configuration); did you mean akka.log-config-on-start?",
                "ops.conf:3:26: akka.actor.ask-timeout: expected a duration Akka reads (e.g. 500ms, 10s, 5m, infinite) like the default infinite, got \"soon\"",
                "ops.conf:4:1: akka.cluster.sharding.remember-entites: unknown key (not in Akka's reference configuration); did you mean akka.cluster.sharding.remember-entities?",
                "ops.conf:5:1: akka.persistence.journal.sql.conection-string: unknown key (not in Akka's reference configuration); did you mean akka.persistence.journal.sql.connection-string?",
            ],
            Errors(text));
    }

    [Theory]
    [InlineData("akka.loglevel { level = INFO }", "ops.conf:1:25: akka.loglevel: expected a string, got an object")]
    [InlineData("akka.loglevel = [INFO]", "ops.conf:1:17: akka.loglevel: expected a string, got a list")]
    [InlineData("akka.actor.deployment = none", "ops.conf:1:25: akka.actor.deployment: expected an object, got \"none\"")]
    [InlineData("akka.cluster.roles = controller", "ops.conf:1:22: akka.cluster.roles: expected a list, got \"controller\"")]
    [InlineData("akka.actor.ask-timeout = 5us", "ops.conf:1:26: akka.actor.ask-timeout: expected a duration Akka reads (e.g. 500ms, 10s, 5m, infinite) like the default infinite, got \"5us\"")]
    [InlineData("akka.log-dead-letters-during-shutdown = yes", "ops.conf:1:41: akka.log-dead-letters-during-shutdown: expected on, off, true or false (or a number or duration, where the key takes one) like the default off, got \"yes\"")]
    [InlineData("akka.remote.dot-netty.tcp.maximum-frame-size = big", "ops.conf:1:48: akka.remote.dot-netty.tcp.maximum-frame-size: expected a size in bytes Akka reads (e.g. 256KiB, 128000b) like the default 128000b, got \"big\"")]
    [InlineData("akka.cluster.min-nr-of-members = few", "ops.conf:1:34: akka.cluster.min-nr-of-members: expected a number like the default 1, got \"few\"")]
    [InlineData("akka.actor.districts { type = Dispatcher, throughput = fast }", "ops.conf:1:56: akka.actor.districts.throughput: expected a number like the default 30, got \"fast\"")]
    public void A_value_of_a_kind_akka_cannot_read_must_be_reported_at_its_origin(string text, string message)
    {
        Assert.Equal([message], Errors(text));
    }

    [Theory]
    [InlineData("akka.log-dead-letters = 10")]
    [InlineData("akka.log-dead-letters = off")]
    [InlineData("akka.cluster.auto-down-unreachable-after = 10s")]
    [InlineData("akka.actor.ask-timeout = 2500")]
    [InlineData("akka.actor.ask-timeout = 1.5 seconds")]
    [InlineData("akka.remote.dot-netty.tcp.maximum-frame-size = 1MiB")]
    [InlineData("akka.persistence.journal.sql.serializer = null")]
    public void Values_akka_reads_for_the_key_must_pass(string text)
    {
        Assert.Empty(Errors(text));
    }

    [Theory]
    [InlineData("akka.actor.serializers { \"my.json\" = \"My.Serializer, My\" }")]
    [InlineData("akka.actor.serialization-bindings { \"My.Type, My.Assembly\" = json }")]
    [InlineData("akka.actor.serialization-identifiers { \"My.Serializer, My\" = 100 }")]
    [InlineData("akka.actor.deployment { /user/a/b { router = round-robin-pool, nr-of-instances = 3 } }")]
    [InlineData("akka.persistence.journal.postgres { class = \"My.Journal, My\", schema = x }")]
    [InlineData("akka.persistence.snapshot-store.postgres { class = \"My.Store, My\" }")]
    [InlineData("akka.cluster.role.backend.min-nr-of-members = 2")]
    [InlineData("akka.coordination.lease.kubernetes { lease-class = \"X, Y\", api-service-host = h }")]
    [InlineData("akka.remote.dot-netty.tcp.ssl.certificate.flags = [exportable, machine-key-set]")]
    [InlineData("akka.discovery.config.services.controller.endpoints = [\"10.0.0.1:8558\"]")]
    [InlineData("akka.actor.my-blocking { type = ForkJoinDispatcher, dedicated-thread-pool { thread-count = 2, threadtype = foreground } }")]
    [InlineData("akka.actor.mailbox.requirements { \"My.ISemantics, My\" = my-mailbox }")]
    public void Sections_whose_keys_the_operator_names_must_accept_new_keys(string text)
    {
        Assert.Empty(Errors(text));
    }

    [Fact]
    public void Listed_entries_of_open_sections_and_templates_must_still_be_checked()
    {
        Assert.Equal(
            ["ops.conf:1:1: akka.actor.deployment.default.routr: unknown key (not in Akka's reference configuration); did you mean akka.actor.deployment.default.router?"],
            Errors("akka.actor.deployment.default.routr = round-robin-pool"));
        Assert.Equal(
            ["ops.conf:2:1: akka.actor.districts.througput: unknown key (not in Akka's reference configuration); did you mean akka.actor.districts.throughput?"],
            Errors("akka.actor.districts.type = Dispatcher\nakka.actor.districts.througput = 5"));
        Assert.Equal(
            ["ops.conf:1:1: akka.persistence.dispatchers.default-plugin-dispatcher.througput: unknown key (not in Akka's reference configuration); did you mean akka.persistence.dispatchers.default-plugin-dispatcher.throughput?"],
            Errors("akka.persistence.dispatchers.default-plugin-dispatcher.througput = 5"));
    }

    [Fact]
    public void Every_key_and_default_of_akkas_own_reference_written_by_an_operator_must_pass()
    {
        // Holds the rule table and the value kinds to Akka's real settings: no rule may reject what Akka ships.
        var asWritten = new Config(AkkaReferenceReader.Read(AkkaReference.Assembled));
        Assert.True(asWritten.HasPath("akka.actor.default-dispatcher.throughput"));
        Assert.Empty(AkkaReferenceValidator.Validate(asWritten, asWritten, AkkaReference.Assembled).Select(e => e.Message));
    }

    [Fact]
    public void Without_an_akka_section_there_must_be_nothing_to_report()
    {
        Assert.Empty(Errors("node-manager.x = 1\nakka-like = 2"));
    }

    [Fact]
    public void A_reference_without_an_akka_section_must_be_refused()
    {
        var written = ConfigFactory.ParseString("akka.loglevel = INFO", "ops.conf");
        var empty = global::Akka.Configuration.ConfigurationFactory.ParseString("other = 1");
        Assert.Throws<ArgumentException>(() => AkkaReferenceValidator.Validate(written, written, empty));
    }
}
