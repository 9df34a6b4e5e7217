using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace NodeManager.Tests.Faults;

/// <summary>
/// A process configured so that it would conflict with a running cluster never becomes one of its members: the SQLite
/// journal or a seed node of another cluster name stops it at start (exit 2, the reason on stderr); a member of another
/// cluster name pointed at this cluster's seed node is never admitted.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ConflictingMemberSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private FaultDatabase _database = null!;

    [Fact]
    public async Task A_member_whose_config_conflicts_with_the_cluster_must_be_refused_or_never_join()
    {
        await using var cluster = await FaultCluster.StartAsync(_database.ConnectionString, members: 1);
        var seed = cluster.Members[0];
        var seedPort = seed.Port.ToString(CultureInfo.InvariantCulture);

        var sqlite = await cluster.StartStrayAsync("sqlite", """
            node-manager.persistence.journal { plugin = sqlite, connection-string = "Data Source=stray.db" }
            """);
        var otherName = await cluster.StartStrayAsync("other-name", """
            node-manager.cluster-name = "other"
            """);
        var otherCluster = await cluster.StartStrayAsync("other-cluster", $$"""
            node-manager.cluster-name = "other"
            akka.cluster.seed-nodes = ["akka.tcp://other@127.0.0.1:{{seedPort}}"]
            """);

        var sqliteCode = await sqlite.WaitForExitAsync(Limit);
        var otherNameCode = await otherName.WaitForExitAsync(Limit);
        // Akka refuses the association of another actor system: the stray keeps asking, and says so.
        await otherCluster.StdoutLine(l => l.Contains("Couldn't join seed nodes after", StringComparison.Ordinal)).WaitAsync(Limit);
        var strayReady = await ReadyStatusAsync(await otherCluster.Management);
        var members = (await cluster.GetAsync(await seed.Management, "cluster/members")).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("node").GetString()).ToList();
        output.WriteLine($"sqlite: exit {sqliteCode}; other name: exit {otherNameCode}; other cluster: /ready {strayReady}, the cluster's members: {string.Join(", ", members)}");
        await FaultSteps.EveryDistrictActiveAsync(cluster, seed, Limit);
        var nodes = await cluster.NodesAsync(seed);
        var (servers, volumes) = await cluster.CloudAsync();
        var cloudCallers = (await cluster.MutationsAsync(cluster.OpenStackSimulator)).Keys.ToList();
        var platformCallers = (await cluster.MutationsAsync(cluster.PaasSimulator)).Keys.ToList();

        Assert.True(sqliteCode == 2, sqlite.Output);
        Assert.Contains("but this member can only run alone: the journal is SQLite", sqlite.Stderr, StringComparison.Ordinal);
        Assert.True(otherNameCode == 2, otherName.Output);
        Assert.Contains("names actor system \"faults\", but node-manager.cluster-name is \"other\"", otherName.Stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, strayReady);
        Assert.Equal([seed.Address], members);
        // Only the member changed anything: the strays never acted on the cloud or the platform.
        Assert.Equal([seed.CloudCaller(cloudCallers)], cloudCallers);
        Assert.Equal([seed.PlatformCaller], platformCallers);
        CloudHoldings.AssertMatch(nodes, servers, volumes, cluster.Describe);
    }

    private static async Task<HttpStatusCode> ReadyStatusAsync(Uri management)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri(management, "ready"));
        return response.StatusCode;
    }

    public async Task InitializeAsync() => _database = await FaultDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
