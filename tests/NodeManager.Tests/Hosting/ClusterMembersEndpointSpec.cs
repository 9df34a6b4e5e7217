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
            TestConfig.WithOwnJournal(),
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

    // Joining itself takes a gossip round or two.
    private static async Task<JsonElement> UntilUp(HttpClient client)
    {
        var poller = new ManagementPoller(client);
        var body = default(JsonElement);
        await poller.UntilAsync(async p =>
        {
            body = await p.GetAsync("/cluster/members");
            return body.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("status").GetString() == "Up");
        }, Limit, () => $"no member Up: {body}");
        return body;
    }
}
