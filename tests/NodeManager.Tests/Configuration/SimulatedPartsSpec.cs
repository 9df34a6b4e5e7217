using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.Tests.Cli;

namespace NodeManager.Tests.Configuration;

/// <summary>Simulation is chosen, never defaulted into: a real cloud with a defaulted simulated capacity source or platform is refused.</summary>
public sealed class SimulatedPartsSpec : IDisposable
{
    private static readonly ConfigResolveOptions NoVariables = ConfigResolveOptions.WithEnvironment(new Dictionary<string, string>());

    private readonly TempConfigFiles _files = new();

    [Fact]
    public void A_real_cloud_must_be_refused_when_the_capacity_source_and_platform_are_simulated_only_by_default()
    {
        // What an operator with only OS_* variables writes: a name, and nothing about where demand comes from.
        var file = _files.Write("nm.conf", "node-manager.cluster-name = prod\n");

        var errors = HostConfiguration.ValidateFiles([file], NoVariables);

        Assert.Equal(
            [SimulatedParts.CapacitySourcePath, SimulatedParts.PlatformAdapterPath],
            errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.StartsWith("reference.conf:", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("node-manager.cloud = openstack (by default) drives a real cloud", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_error_must_say_where_the_operator_chose_the_real_cloud()
    {
        var file = _files.Write("nm.conf", "node-manager.cloud = openstack\nnode-manager.platform.adapter = command\n");

        var error = Assert.Single(HostConfiguration.ValidateFiles([file], NoVariables));

        Assert.Equal(SimulatedParts.CapacitySourcePath, error.Path);
        Assert.Contains($"node-manager.cloud = openstack (at {file}:1:22)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulators_set_in_the_operators_file_must_be_accepted_with_a_real_cloud()
    {
        var file = _files.Write("nm.conf", "node-manager { capacity.source = simulated, platform.adapter = simulated }\n");

        Assert.Empty(HostConfiguration.ValidateFiles([file], NoVariables));
    }

    [Fact]
    public void A_substitution_counts_as_the_operators_choice_only_when_it_finds_a_value()
    {
        var file = _files.Write("nm.conf", """
            node-manager {
              capacity.source = ${?CAPACITY_SOURCE}
              platform.adapter = simulated
            }
            """);

        var unset = HostConfiguration.ValidateFiles([file], NoVariables);
        var set = HostConfiguration.ValidateFiles(
            [file], ConfigResolveOptions.WithEnvironment(new Dictionary<string, string> { ["CAPACITY_SOURCE"] = "simulated" }));

        Assert.Equal([SimulatedParts.CapacitySourcePath], unset.Select(e => e.Path));
        Assert.Empty(set);
    }

    [Fact]
    public void A_simulated_cloud_must_take_the_simulated_defaults()
    {
        var file = _files.Write("nm.conf", "node-manager.cloud = simulated\n");

        Assert.Empty(HostConfiguration.ValidateFiles([file], NoVariables));
    }

    [Fact]
    public void The_demo_must_stay_valid()
    {
        Assert.Empty(HostConfiguration.ValidateFiles([Path.Combine(AppContext.BaseDirectory, "demo.conf")], NoVariables).Select(e => e.Message));
    }

    [Theory]
    [InlineData("cloud = simulated", "cloud, capacity source, platform", "none", false)]
    [InlineData("capacity.source = simulated, platform.adapter = simulated", "capacity source, platform", "cloud", true)]
    [InlineData("""capacity { source = file, file = "c.json" }, platform.adapter = command""", "none", "cloud, capacity source, platform", false)]
    public void The_parts_must_name_what_is_simulated_and_what_is_real(string keys, string simulated, string real, bool mixed)
    {
        var parts = SimulatedParts.Of(TestConfig.Over($"node-manager {{ {keys} }}"));

        Assert.Equal((simulated, real, mixed), (parts.Names(simulated: true), parts.Names(simulated: false), parts.Mixed));
    }

    public void Dispose() => _files.Dispose();
}
