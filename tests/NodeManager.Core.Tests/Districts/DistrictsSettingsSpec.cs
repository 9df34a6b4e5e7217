using NodeManager.Core.Configuration;
using NodeManager.Core.Districts;
using NodeManager.Hocon;

namespace NodeManager.Core.Tests.Districts;

/// <summary><c>node-manager.districts</c>: bounds, protection and pause, per district over the default.</summary>
public sealed class DistrictsSettingsSpec
{
    private static Config With(string text) => ConfigFactory.ParseString(text, "districts.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

    [Fact]
    public void DistrictsSettings_must_read_protection_and_pause_per_district_over_the_default()
    {
        var districts = DistrictsSettings.Create(With("""
            node-manager.districts {
              default { min-nodes = 1, max-nodes = 5, scale-in-protected = ["static-1.example.com"] }
              "district-a" { paused = on, scale-in-protected = ["a-1.example.com", "a-2.example.com"] }
            }
            """));

        var a = districts.For("district-a");
        var b = districts.For("district-b");
        Assert.Equal((1, 5, true), (a.MinNodes, a.MaxNodes, a.Paused));
        Assert.Equal(["a-1.example.com", "a-2.example.com"], a.ScaleInProtected);
        Assert.Equal((1, 5, false), (b.MinNodes, b.MaxNodes, b.Paused));
        Assert.Equal(["static-1.example.com"], b.ScaleInProtected);
    }

    [Fact]
    public void DistrictsSettings_must_refuse_max_nodes_below_min_nodes_naming_the_key_and_accept_them_equal()
    {
        var error = Assert.Throws<ConfigException>(() => DistrictsSettings.Create(With("node-manager.districts.default { min-nodes = 3, max-nodes = 2 }")));
        var equal = DistrictsSettings.Create(With("node-manager.districts.default { min-nodes = 3, max-nodes = 3 }"));

        Assert.Contains("districts.conf:1:", error.Message);
        Assert.Contains("max-nodes", error.Message);
        Assert.Contains("must be ≥ min-nodes (3), got 2", error.Message);
        Assert.Equal(3, equal.For("any").MaxNodes);
    }

    [Fact]
    public void DistrictsSettings_must_refuse_negative_bounds()
    {
        var error = Assert.Throws<ConfigException>(() => DistrictsSettings.Create(With("node-manager.districts.default.min-nodes = -1")));

        Assert.Contains("must be ≥ 0, got -1", error.Message);
    }

    [Fact]
    public void DistrictsSettings_must_give_a_uniform_setting_to_every_district()
    {
        var settings = DistrictSettings.Default with { MinNodes = 2 };

        Assert.Same(settings, DistrictsSettings.Uniform(settings).For("whatever"));
        Assert.Equal(new DistrictSettings(0, 100, [], false) with { ScaleInProtected = DistrictSettings.Default.ScaleInProtected }, DistrictSettings.Default);
    }
}
