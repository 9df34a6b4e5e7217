using System.Text.Json.Nodes;
using NodeManager.Core.Cloud;
using NodeManager.Core.Configuration;
using NodeManager.Core.Nodes;
using NodeManager.Hocon;
using NodeManager.OpenStack.Cloud;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Samples;

/// <summary>
/// Neutron through the catalog of the devstack token sample, answering in the Networking API reference's shape: a
/// profile's network names become the uuids Nova's create request takes.
/// </summary>
public sealed class NeutronSpec : IDisposable
{
    private readonly CannedCloud _cloud = new();

    public void Dispose() => _cloud.Dispose();

    private IEnumerable<Uri> NetworkCalls => _cloud.Handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v2.0/networks", StringComparison.Ordinal)).Select(r => r.Uri);

    [Fact]
    public async Task The_network_endpoint_must_come_from_the_catalog_with_v2_0_appended()
    {
        var endpoints = await _cloud.Client.EndpointsAsync();

        Assert.Equal("http://23.253.248.171:9696/v2.0", endpoints["network"].Value);
    }

    [Fact]
    public async Task Network_list_and_show_must_parse_and_the_list_must_ask_neutron_by_name()
    {
        var all = await _cloud.Client.Networks.ListNetworksAsync();
        var named = await _cloud.Client.Networks.ListNetworksAsync("paas-nodes");
        var one = await _cloud.Client.Networks.GetNetworkAsync("5c9d2e7f-1a3b-4d6e-8f0a-b1c2d3e4f501");

        Assert.Equal(4, all.Count);
        var net = Assert.Single(named);
        Assert.Equal(new Networking.NeutronNetwork("0b3e6c1a-7f2d-4c55-9e8a-2d1f6a4b9c01", "paas-nodes", "ACTIVE", false, false, "a6944d763bf64ee6a275f1263fae0352"), net);
        Assert.Equal("storage", one.Name);
        Assert.Contains(NetworkCalls, u => u.AbsolutePath == "/v2.0/networks" && u.Query == "?name=paas-nodes");
    }

    [Fact]
    public async Task Create_server_must_send_the_uuid_of_a_named_network_pass_a_uuid_through_and_look_a_name_up_once()
    {
        var spec = new ServerCreateSpec
        {
            Name = "n", Image = "cirros-0.3.2-x86_64-disk", Flavor = "m1.small",
            Networks = ["paas-nodes", "5c9d2e7f-1a3b-4d6e-8f0a-b1c2d3e4f501"],
        };

        await _cloud.Client.Compute.CreateServerAsync(spec);
        await _cloud.Client.Compute.CreateServerAsync(spec with { Name = "m" });

        var posts = _cloud.Handler.Requests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/servers", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        foreach (var post in posts)
        {
            var networks = JsonNode.Parse(post.Body!)!["server"]!["networks"]!.AsArray();
            Assert.Equal(["0b3e6c1a-7f2d-4c55-9e8a-2d1f6a4b9c01", "5c9d2e7f-1a3b-4d6e-8f0a-b1c2d3e4f501"], networks.Select(n => n!["uuid"]!.GetValue<string>()));
        }
        // The name once, the uuid never: Nova checks a uuid itself.
        Assert.Equal(["?name=paas-nodes"], NetworkCalls.Select(u => u.Query));
    }

    [Fact]
    public async Task A_network_name_no_network_has_must_fail_the_launch_for_good_before_nova_is_asked()
    {
        var cloud = new OpenStackCloud(_cloud.Client);

        var error = await Assert.ThrowsAsync<CloudNotFoundException>(() =>
            cloud.CreateServerAsync(new ServerSpec("d1_9", "cirros-0.3.2-x86_64-disk", "m1.small", new Dictionary<string, string>(), Networks: ["paas-nodez"]), CancellationToken.None));

        Assert.Contains("no network named or with id 'paas-nodez'", error.Message);
        Assert.DoesNotContain(_cloud.Handler.Requests, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/servers", StringComparison.Ordinal));
        // A lasting failure: the launch fails (and the district backs off) instead of retrying on the next poll.
        var failed = Assert.IsType<NodeLifecycle.LaunchFailed>(NodeLifecycleRules.OnCloudError(
            NodeLifecycleState.Empty, NodeStep.EnsureServer, error, NodeLifecycleSettings.Default, DateTimeOffset.UnixEpoch));
        Assert.Equal(LaunchOutcome.Fail, failed.Outcome);
    }

    [Fact]
    public async Task Profile_check_must_report_a_network_name_two_networks_share_as_one_line_naming_both_ids()
    {
        var config = ConfigFactory.ParseString("""
            node-manager.profiles.default { image = "cirros-0.3.2-x86_64-disk", flavor = "m1.small", networks = ["paas-nodes", "shared-net"] }
            """, "test.conf").WithFallback(NodeManagerConfig.Reference).Resolve();

        var result = await ProfileCheck.RunAsync(_cloud.Client, config);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            "test.conf:1:101: node-manager.profiles.default.networks: profile default: the cloud has 2 networks named \"shared-net\" " +
            "(9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c201, 9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c202); name one by its id",
            problem.Message);
        Assert.Equal([("paas-nodes", true), ("shared-net", false)], result.Checked.Where(v => v.What == "network").Select(v => (v.Value, v.Found)));
    }

    [Fact]
    public async Task A_network_name_two_networks_share_must_be_refused_naming_both_ids()
    {
        var error = await Assert.ThrowsAsync<BadRequestException>(() => _cloud.Client.Networks.ResolveAsync("shared-net"));

        Assert.Contains("2 networks are named 'shared-net' (9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c201, 9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c202): name one by its id", error.Message);
    }
}
