using System.Text.Json.Nodes;
using NodeManager.Core.Cloud;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.OpenStack.Cloud;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;
using NodeManager.Simulators.OpenStack;

namespace NodeManager.OpenStack.Tests.Simulator;

/// <summary>The simulator's Neutron: the configured networks, Nova refusing one it lacks, and the client and profile check on top.</summary>
public sealed class NetworksSpec : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private CloudEnv _env = null!;
    private RawApi _raw = null!;

    public async Task InitializeAsync()
    {
        _env = await CloudEnv.StartAsync(o => o with { Networks = ["paas-nodes", "private"] }).WaitAsync(Limit);
        _raw = new RawApi(_env.Simulator);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _env.DisposeAsync().AsTask().WaitAsync(Limit);
    }

    private async Task<string> IdOfAsync(string name) => (await _env.Client.Networks.ListNetworksAsync(name).WaitAsync(Limit)).Single().Id;

    [Fact]
    public async Task Default_options_must_offer_one_network_with_the_same_id_in_every_run()
    {
        await using var first = await OpenStackSimulator.StartAsync(new OpenStackSimulatorOptions()).WaitAsync(Limit);
        await using var second = await OpenStackSimulator.StartAsync(new OpenStackSimulatorOptions()).WaitAsync(Limit);
        using var a = OpenStackClient.Create(CloudEnv.QuietSettings, CloudEnv.PasswordCredentials(first));
        using var b = OpenStackClient.Create(CloudEnv.QuietSettings, CloudEnv.PasswordCredentials(second));

        var network = Assert.Single(await a.Networks.ListNetworksAsync().WaitAsync(Limit));

        Assert.Equal("private", network.Name);
        Assert.Equal(network, Assert.Single(await b.Networks.ListNetworksAsync().WaitAsync(Limit)));
        Assert.Equal($"{first.BaseUri.ToString().TrimEnd('/')}/networking/v2.0", (await a.EndpointsAsync().WaitAsync(Limit))["network"].Value);
    }

    [Fact]
    public async Task Neutron_must_list_by_name_show_by_id_and_answer_404_in_its_own_envelope()
    {
        var id = await IdOfAsync("paas-nodes");

        var (listStatus, list) = await _raw.GetAsync("networking/v2.0/networks?name=private").WaitAsync(Limit);
        var (showStatus, show) = await _raw.GetAsync($"networking/v2.0/networks/{id}").WaitAsync(Limit);
        var (missingStatus, missing) = await _raw.GetAsync("networking/v2.0/networks/3f1c2b4a-0000-4000-8000-000000000000").WaitAsync(Limit);

        Assert.Equal(200, listStatus);
        Assert.Equal(["private"], list!["networks"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(200, showStatus);
        Assert.Equal("paas-nodes", show!["network"]!["name"]!.GetValue<string>());
        Assert.Equal("ACTIVE", show["network"]!["status"]!.GetValue<string>());
        Assert.Equal(404, missingStatus);
        Assert.Equal("Network 3f1c2b4a-0000-4000-8000-000000000000 could not be found.", missing!["NeutronError"]!["message"]!.GetValue<string>());
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _env.Client.Networks.GetNetworkAsync("3f1c2b4a-0000-4000-8000-000000000000")).WaitAsync(Limit);
        Assert.Equal("Network 3f1c2b4a-0000-4000-8000-000000000000 could not be found.", error.CloudMessage);
    }

    [Fact]
    public async Task Nova_must_refuse_a_server_on_a_network_uuid_neutron_lacks()
    {
        var (status, body) = await _raw.PostAsync($"{_raw.Compute}/servers", """
            {"server": {"name": "s1", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1",
                        "networks": [{"uuid": "3f1c2b4a-0000-4000-8000-000000000000"}]}}
            """).WaitAsync(Limit);

        Assert.Equal(400, status);
        Assert.Equal("Network 3f1c2b4a-0000-4000-8000-000000000000 could not be found.", body!["badRequest"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_on_a_network_name_must_boot_and_an_unknown_name_must_be_not_found()
    {
        var cloud = new OpenStackCloud(_env.Client);
        var meta = CloudMetadata.For("test", "d1", "d1-1");

        var server = await cloud.CreateServerAsync(new ServerSpec("d1_1", "node-host", "m1.small", meta, Networks: ["paas-nodes"]), CancellationToken.None).WaitAsync(Limit);
        var error = await Assert.ThrowsAsync<CloudNotFoundException>(() =>
            cloud.CreateServerAsync(new ServerSpec("d1_2", "node-host", "m1.small", meta, Networks: ["paas-node"]), CancellationToken.None)).WaitAsync(Limit);

        Assert.Equal(CloudServerStatus.Building, server.Status);
        Assert.Contains("create server d1_2", error.Message);
        Assert.Contains("no network named or with id 'paas-node'", error.Message);
    }

    [Fact]
    public async Task Profile_check_must_find_networks_by_name_or_id_and_name_a_missing_one_with_a_suggestion()
    {
        var privateId = await IdOfAsync("private");
        var config = Config($$"""
            node-manager.profiles {
              default { image = "node-host", flavor = "m1.small", networks = ["paas-nodes", "{{privateId}}"] }
              small {
                networks = ["private", "paas-nodez"]
              }
              large.networks = ["auto"]
            }
            """);

        var result = await ProfileCheck.RunAsync(_env.Client, config).WaitAsync(Limit);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            "test.conf:4:16: node-manager.profiles.small.networks: profile small: the cloud has no network named or with id \"paas-nodez\"; " +
            "did you mean \"paas-nodes\"? (it has: paas-nodes, private)",
            problem.Message);
        Assert.Equal(
            [
                ("node-manager.profiles.default.networks", "paas-nodes", true),
                ("node-manager.profiles.default.networks", privateId, true),
                ("node-manager.profiles.small.networks", "private", true),
                ("node-manager.profiles.small.networks", "paas-nodez", false),
            ],
            result.Checked.Where(v => v.What == "network").Select(v => (v.Key, v.Value, v.Found)));
    }

    private static Config Config(string text) =>
        ConfigFactory.ParseString(text, "test.conf").WithFallback(NodeManagerConfig.Reference).Resolve();
}
