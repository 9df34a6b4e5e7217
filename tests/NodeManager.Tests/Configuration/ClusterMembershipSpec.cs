using System.CommandLine;
using NodeManager.Cli;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Configuration;

/// <summary>A member that can only run alone (SQLite journal, in-process simulators) refuses seed nodes naming other members.</summary>
public sealed class ClusterMembershipSpec : IDisposable
{
    private static readonly ConfigResolveOptions NoVariables = ConfigResolveOptions.WithEnvironment(new Dictionary<string, string>());

    private const string RealWorld = """
        node-manager {
          cloud = openstack
          capacity.source = http
          capacity.http.url = "http://127.0.0.1:1/capacity"
          platform.adapter = stdout
          persistence.journal { plugin = postgresql, connection-string = "Host=db1;Database=nm;Username=nm" }
          persistence.snapshot-store { plugin = postgresql, connection-string = "Host=db1;Database=nm;Username=nm" }
        }
        """;

    private readonly TempConfigFiles _files = new();

    [Fact]
    public void A_cluster_of_one_must_be_the_default_with_a_free_loopback_port()
    {
        var config = TestConfig.Over("");

        Assert.Empty(ClusterMembership.OtherMembers(config));
        Assert.Equal("127.0.0.1", config.GetString(ClusterMembership.HostnamePath));
        Assert.Equal(0, config.GetInt(ClusterMembership.PortPath));
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
    }

    [Fact]
    public void Seed_nodes_naming_only_this_member_must_be_a_cluster_of_one()
    {
        var config = TestConfig.Over("""
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 4053 }
            akka.cluster.seed-nodes = ["akka.tcp://nodemanager@127.0.0.1:4053"]
            """);

        Assert.Empty(ClusterMembership.OtherMembers(config));
        Assert.Empty(ClusterMembership.Validate(config));
    }

    [Fact]
    public void The_demo_with_seed_nodes_naming_another_member_must_be_refused_naming_the_journal_and_every_simulator()
    {
        var file = _files.Write("member.conf", """
            node-manager.cloud = simulated
            akka.cluster.seed-nodes = ["akka.tcp://nodemanager@broker1:4053"]
            """);

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables));

        Assert.Equal(ClusterMembership.SeedNodesPath, error.Path);
        Assert.StartsWith($"{file}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("names other members (akka.tcp://nodemanager@broker1:4053)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the journal is SQLite", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulated in-process: cloud, capacity source, platform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_on_PostgreSQL_and_a_real_world_must_be_accepted_in_a_larger_cluster()
    {
        var file = _files.Write("member.conf", RealWorld + """

            akka.cluster.seed-nodes = ["akka.tcp://nodemanager@broker1:4053", "akka.tcp://nodemanager@broker2:4053"]
            """);

        Assert.DoesNotContain(HostConfiguration.ValidateFiles([file], NoVariables), e => e.Path == ClusterMembership.SeedNodesPath);
    }

    [Fact]
    public void A_seed_node_of_another_cluster_name_must_be_refused()
    {
        var file = _files.Write("member.conf", RealWorld + """

            node-manager.cluster-name = east
            akka.cluster.seed-nodes = ["akka.tcp://west@broker1:4053"]
            """);

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables), e => e.Path == ClusterMembership.SeedNodesPath);

        Assert.Contains("names actor system \"west\", but node-manager.cluster-name is \"east\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_node_that_is_no_address_must_be_refused_with_an_example()
    {
        var config = TestConfig.Over("akka.cluster.seed-nodes = [\"broker1:4053\"]");

        var error = Assert.Single(ClusterMembership.Validate(config));

        Assert.Contains("is not a member's address like \"akka.tcp://nodemanager@broker1:4053\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodemgr_run_must_exit_2_when_a_member_on_SQLite_names_other_members()
    {
        var file = _files.Write("member.conf", """
            node-manager.cloud = simulated
            akka.cluster.seed-nodes = ["akka.tcp://nodemanager@127.0.0.1:1"]
            """);
        var err = new StringWriter();

        var code = await NodemgrCli.InvokeAsync(["run", "--config", file], new InvocationConfiguration { Output = new StringWriter(), Error = err });

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains("akka.cluster.seed-nodes: names other members", err.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
