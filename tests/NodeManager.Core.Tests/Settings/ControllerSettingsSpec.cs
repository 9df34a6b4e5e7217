using NodeManager.Core.Configuration;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Platform;
using NodeManager.Core.Profiles;
using NodeManager.Core.Scaling;
using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Core.Tests.Settings;

public sealed class ControllerSettingsSpec
{
    private static Config With(string text) => ConfigFactory.ParseString(text, "test.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

    [Fact]
    public void Reference_defaults_must_match_the_records_defaults()
    {
        var config = NodeManagerConfig.Reference;

        Assert.Equal(ScalingSettings.Default, ScalingSettings.Create(config));
        Assert.Equal(NodeLifecycleSettings.Default, NodeLifecycleSettings.Create(config));
        Assert.Equal(CleanupSettings.Default, CleanupSettings.Create(config));
        Assert.Equal(DistrictSettings.Default.MaxNodes, DistrictsSettings.Create(config).For("any").MaxNodes);
        Assert.Equal(CapacitySettings.Default.Interval, CapacitySettings.Create(config).Interval);
        Assert.Equal(PlatformAdapterKind.Simulated, PlatformSettings.Create(config).Adapter);
        Assert.Equal(NamingSettings.Default, ProfilesSettings.Create(config).For("small").Naming);
    }

    [Fact]
    public void Every_controller_key_in_reference_must_be_read_and_every_read_key_documented()
    {
        var tracker = new ConfigKeyTracker();
        var config = tracker.Track(NodeManagerConfig.Reference);
        ScalingSettings.Create(config);
        NodeLifecycleSettings.Create(config);
        CleanupSettings.Create(config);
        DistrictsSettings.Create(config);
        CapacitySettings.Create(config);
        PlatformSettings.Create(config);
        ProfilesSettings.Create(config);
        NodeManager.Simulators.Paas.PaasSimulatorOptions.Create(config);
        string[] ours = ["capacity", "scaling", "districts", "profiles", "platform", "cleanup", "simulators.paas"];

        var unread = ReferenceKeys.NotReadBy(tracker).Where(k => ours.Any(o => k.StartsWith($"node-manager.{o}.", StringComparison.Ordinal)));

        Assert.Empty(unread);
        Assert.Empty(ReferenceKeys.Undocumented(tracker));
    }

    [Fact]
    public void Bad_paas_simulator_keys_must_all_be_reported_with_file_line_and_key()
    {
        var config = ConfigFactory.ParseString("""
            node-manager.simulators.paas {
              move-failure-rate = 1.5
              max-active-gears = 0
              districts = [ { name = d1, profile = small, uid-capacity = 100, demand = [ { at = 0s, gears = -1 } ] } ]
            }
            """, "sim.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

        var errors = Assert.Throws<ConfigErrorsException>(() => NodeManager.Simulators.Paas.PaasSimulatorOptions.Create(config)).Errors;

        Assert.Equal(
            ["sim.conf:2:23: node-manager.simulators.paas.move-failure-rate", "sim.conf:3:22: node-manager.simulators.paas.max-active-gears",
                "sim.conf:4:97: node-manager.simulators.paas.districts.0.demand.0.gears"],
            errors.Select(e => $"{e.Origin}: {e.Path}").Order());
        Assert.Contains("must be in 0..1, got 1.5", errors.Single(e => e.Path?.EndsWith("move-failure-rate", StringComparison.Ordinal) == true).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_must_fall_back_on_the_default_profile_key_by_key()
    {
        var profiles = ProfilesSettings.Create(With("""
            node-manager.profiles {
              default { image = "centos", flavor = "m1.small", volume.enabled = on }
              large { flavor = "m1.large", naming.domain = "paas.example.org" }
            }
            """));

        var large = profiles.For("large");
        var other = profiles.For("small");

        Assert.Equal(("centos", "m1.large", true, 10), (large.Image, large.Flavor, large.Volume.Enabled, large.Volume.SizeGb));
        Assert.Equal("paas.example.org", large.Naming.Domain);
        Assert.Equal(("small", "m1.small"), (other.Name, other.Flavor));
    }

    [Fact]
    public void A_district_block_must_override_the_default_bounds()
    {
        var districts = DistrictsSettings.Create(With("""node-manager.districts { default.max-nodes = 7, "district-a" { min-nodes = 2 } }"""));

        Assert.Equal((2, 7), (districts.For("district-a").MinNodes, districts.For("district-a").MaxNodes));
        Assert.Equal((0, 7), (districts.For("district-b").MinNodes, districts.For("district-b").MaxNodes));
    }

    [Theory]
    [InlineData("off", null)]
    [InlineData("90s", 90)]
    public void Passivate_after_must_take_a_duration_or_off(string value, int? seconds)
    {
        var settings = NodeLifecycleSettings.Create(With($"node-manager.scaling.lifecycle.passivate-after = {value}"));

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, settings.PassivateAfter);
    }

    [Fact]
    public void Passivate_after_of_zero_must_be_rejected_naming_file_line_and_key()
    {
        var error = Assert.Throws<ConfigException>(() => NodeLifecycleSettings.Create(With("node-manager.scaling.lifecycle.passivate-after = 0s")));

        Assert.Contains("test.conf:1:", error.Message);
        Assert.Contains("node-manager.scaling.lifecycle.passivate-after", error.Message);
        Assert.Contains("must be > 0", error.Message);
    }

    [Fact]
    public void A_low_water_mark_above_the_high_water_mark_must_be_rejected_naming_file_line_and_key()
    {
        var error = Assert.Throws<ConfigException>(() => ScalingSettings.Create(With("node-manager.scaling.low-water-mark = 90")));

        Assert.Contains("test.conf:1:", error.Message);
        Assert.Contains("node-manager.scaling.low-water-mark", error.Message);
    }

    [Fact]
    public void Every_fault_of_a_settings_record_must_be_thrown_together_not_only_the_first()
    {
        var error = Assert.Throws<ConfigErrorsException>(() => DistrictsSettings.Create(With("""
            node-manager.districts.default { min-nodes = -1, max-nodes = -5 }
            """)));

        Assert.Equal(
            ["node-manager.districts.default.min-nodes", "node-manager.districts.default.max-nodes"],
            error.Errors.Select(e => e.Path));
        Assert.Equal(string.Join('\n', error.Errors.Select(e => e.Message)), error.Message);
    }

    [Fact]
    public void A_rule_between_keys_must_not_judge_a_key_that_failed_to_read()
    {
        // high-water-mark is out of range; low-water-mark is judged against nothing, not against a stand-in value.
        var error = Assert.Throws<ConfigException>(() => ScalingSettings.Create(With("node-manager.scaling { high-water-mark = 120, low-water-mark = 90 }")));

        Assert.Equal("node-manager.scaling.high-water-mark", error.Path);
    }

    [Fact]
    public void A_fault_of_a_default_block_must_be_reported_once_however_many_blocks_fall_back_on_it()
    {
        var error = Assert.Throws<ConfigException>(() => ProfilesSettings.Create(With("""
            node-manager.profiles { default.cores = -2, large.flavor = "m1.large", small.flavor = "m1.small" }
            """)));

        Assert.StartsWith("test.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be ≥ 0, got -2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_drain_selection_must_be_rejected_with_the_allowed_values()
    {
        var error = Assert.Throws<ConfigException>(() => ScalingSettings.Create(With("node-manager.scaling.drain-selection = biggest")));

        Assert.Contains("fewest-gears, oldest, newest", error.Message);
    }

    [Fact]
    public void The_command_adapter_must_read_argv_templates_for_every_operation()
    {
        var platform = PlatformSettings.Create(With("node-manager.platform.adapter = command"));

        Assert.Equal(["oo-admin-move", "--gear_uuid", "{gear}", "-i", "{target}"], platform.Commands[PlatformSettings.MoveGear]);
        Assert.Equal(PlatformSettings.Operations.Count, platform.Commands.Count);
    }
}
