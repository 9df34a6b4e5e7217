using Akka.Coordination;
using NodeManager.Cluster.Lease;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Configuration;

/// <summary>
/// <c>akka.coordination.lease.postgresql</c>: documented in reference.conf with the lease's own defaults, pointing at
/// the journal's database unless told otherwise, and checked like every other akka key.
/// </summary>
public sealed class LeaseConfigSpec : IDisposable
{
    private static readonly ConfigResolveOptions NoVariables = ConfigResolveOptions.WithEnvironment(new Dictionary<string, string>());

    private readonly TempConfigFiles _files = new();

    [Fact]
    public void The_lease_must_default_to_the_journals_database_and_schema()
    {
        // Over the unresolved reference, as nodemgr run loads it, so that its substitutions read the operator's values.
        var akka = AkkaConfiguration.FromProductConfig(ConfigFactory.ParseString("""
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "Host=db1;Database=nodemanager;Username=nm"
              schema-name = nm
            }
            """, "ops.conf").WithFallback(NodeManagerConfig.ParseReference()).Resolve());

        var lease = LeaseSettings.Create(
            akka.GetConfig(PostgreSqlLease.ConfigPath).WithFallback(akka.GetConfig("akka.coordination.lease")), "d1", "nm@10.0.0.1:4053");
        var store = PostgreSqlLeaseSettings.Create(lease.LeaseConfig, PostgreSqlLease.ConfigPath);

        Assert.Equal(new PostgreSqlLeaseSettings("Host=db1;Database=nodemanager;Username=nm", "nm", "leases", true), store);
        Assert.Equal(typeof(PostgreSqlLease), Type.GetType(lease.LeaseConfig.GetString("lease-class"), throwOnError: true));
        Assert.Equal(TimeSpan.FromSeconds(3), lease.TimeoutSettings.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), lease.TimeoutSettings.HeartbeatTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), lease.TimeoutSettings.OperationTimeout);
    }

    [Fact]
    public void Reference_conf_must_document_every_key_of_the_lease_with_the_lease_s_own_defaults()
    {
        var product = AkkaConfiguration.FromProductConfig(TestConfig.Over("")).GetConfig(PostgreSqlLease.ConfigPath);
        var own = PostgreSqlLease.DefaultConfiguration.GetConfig(PostgreSqlLease.ConfigPath);

        Assert.Equal(own.AsEnumerable().Select(e => e.Key).Order(), product.AsEnumerable().Select(e => e.Key).Order());
        foreach (var key in new[] { "lease-class", "heartbeat-interval", "heartbeat-timeout", "lease-operation-timeout", "table" })
            Assert.Equal(own.GetString(key), product.GetString(key));
    }

    [Fact]
    public void An_operator_s_lease_keys_must_be_checked_against_the_lease_s_reference()
    {
        var file = _files.Write("ops.conf", """
            node-manager.cloud = simulated
            akka.coordination.lease.postgresql {
              heartbeat-timeout = 20s
              heartbeat-timout = 20s
              table = "nm_leases"
            }
            """);

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables));

        Assert.EndsWith(
            "ops.conf:4:3: akka.coordination.lease.postgresql.heartbeat-timout: unknown key (not in Akka's reference configuration); " +
            "did you mean akka.coordination.lease.postgresql.heartbeat-timeout?",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_lease_values_must_be_refused_at_start_with_file_line_and_key_when_the_journal_shares_it()
    {
        var file = _files.Write("ops.conf", """
            node-manager.cloud = simulated
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "Host=db1;Database=nodemanager;Username=nm"
            }
            akka.coordination.lease.postgresql {
              heartbeat-interval = 20s
              heartbeat-timeout = 30s
              table = "nm-leases"
            }
            """);

        var errors = HostConfiguration.ValidateFiles([file], NoVariables).Select(e => e.Message).ToList();

        Assert.Contains(errors, e => e.EndsWith(
            "ops.conf:7:24: akka.coordination.lease.postgresql.heartbeat-interval: must be at most half of heartbeat-timeout (30s), got 20s",
            StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith(
            "ops.conf:9:11: akka.coordination.lease.postgresql.table: expected 1 to 63 letters, digits or '_', not starting with a digit, got \"nm-leases\"",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_lease_connection_string_that_is_not_postgresql_s_must_be_refused_without_quoting_it()
    {
        var file = _files.Write("ops.conf", """
            node-manager.cloud = simulated
            node-manager.persistence.journal {
              plugin = postgresql
              connection-string = "Host=db1;Database=nodemanager;Username=nm"
            }
            akka.coordination.lease.postgresql.connection-string = "Host=db1;Pasword=hunter2hunter2"
            """);

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables));

        Assert.Contains("ops.conf:6:", error.Message, StringComparison.Ordinal);
        Assert.Contains("akka.coordination.lease.postgresql.connection-string: is not a PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lease_section_must_not_be_judged_when_nothing_takes_the_lease()
    {
        var file = _files.Write("ops.conf", """
            node-manager.cloud = simulated
            akka.coordination.lease.postgresql.table = "nm-leases"
            """);

        Assert.Empty(HostConfiguration.ValidateFiles([file], NoVariables));
    }

    [Fact]
    public void The_split_brain_resolver_s_lease_majority_must_have_the_lease_section_checked()
    {
        var file = _files.Write("ops.conf", """
            node-manager.cloud = simulated
            akka.cluster.split-brain-resolver {
              active-strategy = lease-majority
              lease-majority.lease-implementation = "akka.coordination.lease.postgresql"
            }
            akka.coordination.lease.postgresql.connection-string = "Host=db1;Database=nm"
            akka.coordination.lease.postgresql.heartbeat-timeout = 0s
            """);

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables));

        Assert.Contains("ops.conf:7:", error.Message, StringComparison.Ordinal);
        Assert.Contains("akka.coordination.lease.postgresql.heartbeat-timeout", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
