using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>Each profile's image, flavor and volume type looked up in the simulator as a launch would resolve them.</summary>
public sealed class ProfileCheckSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private CloudEnv _env = null!;

    public async Task InitializeAsync() => _env = await CloudEnv.StartAsync().WaitAsync(Limit);

    public async Task DisposeAsync() => await _env.DisposeAsync().AsTask().WaitAsync(Limit);

    [Fact]
    public async Task Check_must_find_what_the_cloud_has_by_name_or_id_once_under_the_key_that_sets_it()
    {
        var config = Config("""
            node-manager.profiles {
              default { image = "node-host", flavor = "2", volume { enabled = on, type = "lvmdriver-1" } }
              small.image = "1bea47ed-f6a9-463b-b423-14b9cca9ad27"
            }
            """);

        var result = await ProfileCheck.RunAsync(_env.Client, config).WaitAsync(Limit);

        Assert.Empty(result.Problems.Select(p => p.Message));
        Assert.Equal(
            [
                ("node-manager.profiles.default.image", "default"),
                ("node-manager.profiles.default.flavor", "default, small"),
                ("node-manager.profiles.default.volume.type", "default, small"),
                ("node-manager.profiles.small.image", "small"),
            ],
            result.Checked.Select(v => (v.Key, string.Join(", ", v.Profiles))));
        Assert.All(result.Checked, v => Assert.True(v.Found, v.Key));
    }

    [Fact]
    public async Task A_missing_image_must_be_one_line_naming_file_line_key_and_profile_with_a_suggestion()
    {
        var config = Config("""
            node-manager.profiles {
              default { image = "node-host", flavor = "m1.small" }
              small {
                image = "node-hots"
              }
            }
            """);

        var result = await ProfileCheck.RunAsync(_env.Client, config).WaitAsync(Limit);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            "test.conf:4:13: node-manager.profiles.small.image: profile small: the cloud has no image named or with id \"node-hots\"; " +
            "did you mean \"node-host\"? (it has: node-host, F17-x86_64-cfntools, cirros-0.3.2-x86_64-disk)",
            problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.False(result.Checked.Single(v => v.Key == "node-manager.profiles.small.image").Found);
    }

    [Fact]
    public async Task A_missing_flavor_or_volume_type_set_in_default_must_be_reported_once_naming_every_profile_using_it()
    {
        var config = Config("""
            node-manager.profiles {
              default { image = "node-host", flavor = "m1.smal", volume { enabled = on, type = "ssd-fast" } }
              large.image = "node-host"
            }
            """);

        var result = await ProfileCheck.RunAsync(_env.Client, config).WaitAsync(Limit);

        Assert.Equal(2, result.Problems.Count);
        var flavor = result.Problems.Single(p => p.Path == "node-manager.profiles.default.flavor");
        Assert.StartsWith("test.conf:2:", flavor.Message);
        Assert.Contains("profiles default, large: the cloud has no flavor named or with id \"m1.smal\"; did you mean \"m1.small\"?", flavor.Message);
        var type = result.Problems.Single(p => p.Path == "node-manager.profiles.default.volume.type");
        Assert.EndsWith("the cloud has no volume type named or with id \"ssd-fast\" (it has: lvmdriver-1, __DEFAULT__)", type.Message);
    }

    [Fact]
    public async Task A_named_profile_without_an_image_must_be_an_error_and_an_empty_default_must_not()
    {
        var config = Config("""
            node-manager.profiles.small {
              flavor = "m1.small"
            }
            """);

        var result = await ProfileCheck.RunAsync(_env.Client, config).WaitAsync(Limit);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("node-manager.profiles.small.image", problem.Path);
        Assert.Contains("profile small has no image: set it here or in node-manager.profiles.default.image", problem.Message);
        Assert.StartsWith("test.conf:1:", problem.Message);
        Assert.Equal(["node-manager.profiles.small.flavor"], result.Checked.Select(v => v.Key));
    }

    [Fact]
    public async Task Cloud_check_must_print_each_profile_value_and_fail_with_the_problem_on_stderr()
    {
        var config = Config("""node-manager.profiles.default { image = "node-host", flavor = "m1.huge" }""");
        var (output, error) = (new StringWriter(), new StringWriter());

        var ok = await CloudCheck.RunAsync(_env.Client, config, output, error).WaitAsync(Limit);

        Assert.False(ok);
        Assert.Contains("node-manager.profiles.default.image = \"node-host\"  found (default)", output.ToString());
        Assert.Contains("node-manager.profiles.default.flavor = \"m1.huge\"  MISSING (default)", output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("test.conf:1:", line);
        Assert.Contains("node-manager.profiles.default.flavor: profile default: the cloud has no flavor named or with id \"m1.huge\"", line);
    }

    [Fact]
    public async Task Cloud_check_must_pass_when_the_cloud_has_every_profile_value()
    {
        var config = Config("""node-manager.profiles.default { image = "node-host", flavor = "m1.small" }""");
        var error = new StringWriter();

        Assert.True(await CloudCheck.RunAsync(_env.Client, config, new StringWriter(), error).WaitAsync(Limit));
        Assert.Empty(error.ToString());
    }

    private static Config Config(string text) =>
        ConfigFactory.ParseString(text, "test.conf").WithFallback(NodeManagerConfig.Reference).Resolve();
}
