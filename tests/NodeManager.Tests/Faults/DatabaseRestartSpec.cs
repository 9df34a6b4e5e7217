using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace NodeManager.Tests.Faults;

/// <summary>
/// The PostgreSQL that journals and leases for the cluster stops under it and comes back: every member, whether it
/// drives a district or not, reports not ready while it is gone, then every member recovers by itself, and every node that was Active before is Active after, with no
/// lifecycle lost or failed. The server is the spec's own (the suite's shared one is never stopped).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DatabaseRestartSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private PrivatePostgres _postgres = null!;
    private FaultDatabase _database = null!;

    [Fact]
    public async Task Every_member_must_be_not_ready_while_the_database_is_gone_and_all_recover_by_themselves_when_it_returns()
    {
        await using var cluster = await FaultCluster.StartAsync(_database.ConnectionString, members: 2);
        await FaultSteps.EveryDistrictActiveAsync(cluster, cluster.Members[0], Limit);
        foreach (var member in cluster.Members)
        {
            await cluster.UntilAsync(async () => await ReadyAsync(cluster, member) == HttpStatusCode.OK, Limit, $"{member} ready");
        }

        var before = (await cluster.NodesAsync(cluster.Members[0])).Select(n => n.GetProperty("launchId").GetString()).Order().ToList();
        _postgres.Stop();
        var down = Stopwatch.StartNew();
        foreach (var member in cluster.Members)
        {
            await cluster.UntilAsync(async () => await ReadyAsync(cluster, member) == HttpStatusCode.ServiceUnavailable, Limit, $"{member} not ready without its database");
        }

        output.WriteLine($"every member not ready {down.Elapsed.TotalSeconds:F1} s after the database stopped: {await ReasonsAsync(cluster, cluster.Members[0])}");
        _postgres.StartServer();
        var up = Stopwatch.StartNew();
        foreach (var member in cluster.Members)
        {
            await cluster.UntilAsync(async () => await ReadyAsync(cluster, member) == HttpStatusCode.OK, Limit, $"{member} ready again");
        }

        await FaultSteps.EveryDistrictActiveAsync(cluster, cluster.Members[0], Limit);
        output.WriteLine($"every member ready, every district Active {up.Elapsed.TotalSeconds:F1} s after the database returned");
        var nodes = await cluster.NodesAsync(cluster.Members[0]);
        var (servers, volumes) = await cluster.CloudAsync();

        Assert.True(cluster.Members.All(m => !m.Process.HasExited), cluster.Describe());
        Assert.Equal(before, nodes.Select(n => n.GetProperty("launchId").GetString()).Order().ToList());
        Assert.DoesNotContain(nodes, n => n.GetProperty("state").GetString() != "Active");
        CloudHoldings.AssertMatch(nodes, servers, volumes, cluster.Describe);
    }

    private static async Task<HttpStatusCode> ReadyAsync(FaultCluster cluster, ClusterMember member)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri(await member.Management, "ready"));
        return response.StatusCode;
    }

    private static async Task<string> ReasonsAsync(FaultCluster cluster, ClusterMember member)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri(await member.Management, "ready"));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task InitializeAsync()
    {
        _postgres = PrivatePostgres.Start();
        _database = await FaultDatabase.CreateAsync(_postgres.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        try
        {
            // A spec that failed while the server was stopped leaves it stopped: the server goes with its folder anyway.
            if (_postgres.IsRunning)
            {
                await _database.DisposeAsync();
            }
        }
        finally
        {
            _postgres.Dispose();
        }
    }
}
