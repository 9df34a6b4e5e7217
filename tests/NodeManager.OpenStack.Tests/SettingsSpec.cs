using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests;

public sealed class SettingsSpec
{
    private static Config With(string hocon) =>
        ConfigFactory.ParseString(hocon, "test.conf").WithFallback(NodeManagerConfig.ParseReference()).Resolve();

    [Fact]
    public void Reference_defaults_must_equal_the_records_defaults()
    {
        var settings = OpenStackSettings.Create(NodeManagerConfig.Reference);
        var defaults = new OpenStackSettings();
        Assert.Equal(defaults, settings with { Auth = null });
        Assert.Null(settings.Auth);
    }

    [Fact]
    public void Simulator_reference_defaults_must_equal_the_options_defaults()
    {
        var options = OpenStackSimulatorOptions.Create(NodeManagerConfig.Reference);
        var defaults = new OpenStackSimulatorOptions();
        Assert.Equal(defaults with { DnsZones = options.DnsZones, Networks = options.Networks }, options);
        Assert.Equal(["example.com."], options.DnsZones);
        Assert.Equal(["private"], options.Networks);
    }

    [Fact]
    public void Two_bad_openstack_keys_must_both_be_reported_with_file_line_and_key()
    {
        var config = ConfigFactory.ParseString("""
            node-manager.openstack {
              interface = outside
              max-concurrency = 0
            }
            """, "ops.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

        var errors = Assert.Throws<ConfigErrorsException>(() => OpenStackSettings.Create(config)).Errors;

        Assert.Equal(
            ["ops.conf:2:15: node-manager.openstack.interface", "ops.conf:3:21: node-manager.openstack.max-concurrency"],
            errors.Select(e => $"{e.Origin}: {e.Path}"));
        Assert.Contains("must be public, internal or admin", errors[0].Message);
    }

    [Fact]
    public void Two_bad_simulator_keys_must_both_be_reported_with_file_line_and_key()
    {
        var config = ConfigFactory.ParseString("""
            node-manager.simulators.openstack {
              port = 70000
              token-lifetime = 0s
            }
            """, "sim.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

        var errors = Assert.Throws<ConfigErrorsException>(() => OpenStackSimulatorOptions.Create(config)).Errors;

        Assert.Equal(
            ["sim.conf:2:10: node-manager.simulators.openstack.port", "sim.conf:3:20: node-manager.simulators.openstack.token-lifetime"],
            errors.Select(e => $"{e.Origin}: {e.Path}").Order());
    }

    [Fact]
    public void Hocon_keys_must_be_read_into_the_settings()
    {
        var settings = OpenStackSettings.Create(With("""
            node-manager.openstack {
              auth { auth-url = "https://k/v3", username = u, password = p, project-name = nodes }
              region = RegionTwo
              interface = internal
              compute-microversion = "2.79"
              call-timeout = 10s
              retry { max-retries = 5, initial-delay = 2s, max-delay = 1m }
              max-concurrency = 4
              rate = 500ms
              dns.enabled = on
            }
            """));
        Assert.Equal(("https://k/v3", "u", "p", "nodes"), (settings.Auth!.AuthUrl, settings.Auth.Username, settings.Auth.Password, settings.Auth.ProjectName));
        Assert.Equal(("RegionTwo", "internal", "2.79"), (settings.Region, settings.Interface, settings.ComputeMicroversion));
        Assert.Equal((TimeSpan.FromSeconds(10), 5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1)),
            (settings.CallTimeout, settings.MaxRetries, settings.RetryInitialDelay, settings.RetryMaxDelay));
        Assert.Equal((4, TimeSpan.FromMilliseconds(500), true), (settings.MaxConcurrency, settings.RequestInterval, settings.DnsEnabled));
    }

    [Theory]
    [InlineData("interface = backdoor", "node-manager.openstack.interface")]
    [InlineData("max-concurrency = 0", "node-manager.openstack.max-concurrency")]
    [InlineData("compute-microversion = latest", "node-manager.openstack.compute-microversion")]
    [InlineData("retry { initial-delay = 10s, max-delay = 1s }", "node-manager.openstack.retry.max-delay")]
    [InlineData("call-timeout = 0s", "node-manager.openstack.call-timeout")]
    public void Out_of_range_values_must_be_rejected_naming_file_line_and_key(string line, string key)
    {
        var e = Assert.Throws<ConfigException>(() => OpenStackSettings.Create(With($"node-manager.openstack {{\n  {line}\n}}")));
        Assert.Contains("test.conf:2", e.Message);
        Assert.Contains(key, e.Message);
    }
}
