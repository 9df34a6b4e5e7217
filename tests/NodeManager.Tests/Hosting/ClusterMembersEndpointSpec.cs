using System.Text.Json;
using NodeManager.Hosting;
using NodeManager.Management;
using NodeManager.Tests.EndToEnd;
using NodeManager.Tests.Configuration;

namespace NodeManager.Tests.Hosting;

/// <summary><c>GET /cluster/members</c> of a running member, in Akka Management's shape.</summary>
public sealed class ClusterMembersEndpointSpec
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_member_alone_must_list_itself_Up_as_leader_and_oldest_on_the_port_it_picked()
    {
        var runtime = new FakeControllerRuntime(() => "not probed");
        var options = new NodeManagerHostOptions(
            OwnStores(),
            HostSettings.Default with { ClusterName = "broker-east" },
            ManagementSettings.Default with { Port = 0 },
            (_, _, _) => Task.FromResult<IControllerRuntime>(runtime));
        await using var host = await NodeManagerHost.StartAsync(options, CancellationToken.None).WaitAsync(Limit);
        using var client = new HttpClient { BaseAddress = Assert.Single(host.ManagementAddresses), Timeout = Limit };

        var body = await UntilUp(client);

        var self = body.GetProperty("selfNode").GetString()!;
        Assert.StartsWith("akka.tcp://broker-east@127.0.0.1:", self, StringComparison.Ordinal);
        Assert.NotEqual(0, new Uri(self).Port);
        Assert.Equal(self, body.GetProperty("leader").GetString());
        Assert.Equal(self, body.GetProperty("oldest").GetString());
        var member = Assert.Single(body.GetProperty("members").EnumerateArray());
        Assert.Equal(["node", "nodeUid", "status", "roles"], member.EnumerateObject().Select(p => p.Name));
        Assert.Equal(self, member.GetProperty("node").GetString());
        Assert.False(string.IsNullOrEmpty(member.GetProperty("nodeUid").GetString()));
        Assert.Equal(JsonValueKind.Array, member.GetProperty("roles").ValueKind);
        Assert.Empty(body.GetProperty("unreachable").EnumerateArray());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_members_actor_system_must_refuse_to_write_a_product_type_with_Akkas_Newtonsoft_fallback()
    {
        var runtime = new FakeControllerRuntime(() => "not probed");
        var options = new NodeManagerHostOptions(
            OwnStores(), HostSettings.Default, ManagementSettings.Default with { Port = 0 },
            (_, _, _) => Task.FromResult<IControllerRuntime>(runtime));
        await using var host = await NodeManagerHost.StartAsync(options, CancellationToken.None).WaitAsync(Limit);
        var drain = new NodeManager.Core.Nodes.NodeLifecycle.Drain("operator", []);

        var fallback = host.System.Serialization.FindSerializerFor(drain);
        var decide = host.System.Serialization.FindSerializerFor(new NodeManager.Core.Districts.DistrictSupervisor.RequestDrain("h", "r"));

        Assert.IsType<NodeManager.Core.Serialization.ProductFallbackSerializer>(fallback);
        Assert.Throws<NodeManager.Core.Serialization.UnregisteredMessageTypeException>(() => fallback.ToBinary(drain));
        Assert.IsType<NodeManager.Core.Serialization.ProductSerializer>(decide);
    }

    // Journal and snapshot store in one file of this spec's own: hosts of other specs never hold its lock.
    private static NodeManager.Hocon.Config OwnStores()
    {
        var file = Path.Combine(Path.GetTempPath(), "nodemanager-specs", $"{Guid.NewGuid():N}.db");
        return TestConfig.WithOwnJournal($"node-manager.persistence.snapshot-store.connection-string = \"Data Source={file}\"");
    }

    // Joining itself takes a gossip round or two.
    private static async Task<JsonElement> UntilUp(HttpClient client)
    {
        var poller = new ManagementPoller(client);
        var body = default(JsonElement);
        await poller.UntilAsync(async p =>
        {
            body = await p.GetAsync("/cluster/members");
            // Akka's read view applies the member's Up and the leader's election as separate events: wait for both.
            return body.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("status").GetString() == "Up")
                && body.GetProperty("leader").ValueKind == JsonValueKind.String;
        }, Limit, () => $"no member Up under a leader: {body}");
        return body;
    }
}
