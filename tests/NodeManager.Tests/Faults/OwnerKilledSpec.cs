using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace NodeManager.Tests.Faults;

/// <summary>
/// kill -9 of the member driving a district while its node boots: the district resumes on a survivor, which adopts the
/// server already created, and the node becomes Active; the cloud holds one server and one volume per node.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class OwnerKilledSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private FaultDatabase _database = null!;

    [Fact]
    public async Task A_district_whose_owner_is_killed_mid_lifecycle_must_resume_on_a_survivor_and_its_node_become_Active()
    {
        await using var cluster = await FaultCluster.StartAsync(_database.ConnectionString, members: 3);
        var observer = cluster.Members[0];
        var (owner, launch) = await FaultSteps.OwnerWithNodeMidLaunchAsync(cluster, observer, "district-a", Limit);
        var survivors = cluster.Members.Where(m => m != owner).ToList();
        output.WriteLine($"district-a: node {launch} mid-launch on {owner}; kill -9");

        owner.Process.Signal("KILL");
        var sinceKill = Stopwatch.StartNew();
        Assert.Equal(128 + 9, await owner.Process.WaitForExitAsync(Limit));
        var resumedOn = await FaultSteps.ResumedElsewhereAsync(cluster, survivors, "district-a", owner, Limit);
        var resumed = sinceKill.Elapsed;
        output.WriteLine($"district-a resumed on {resumedOn} {resumed.TotalSeconds:F1} s after the kill");

        await FaultSteps.EveryDistrictActiveAsync(cluster, survivors[0], Limit);
        var nodes = await cluster.NodesAsync(survivors[0]);
        var (servers, volumes) = await cluster.CloudAsync();

        var node = nodes.Single(n => n.GetProperty("district").GetString() == "district-a" && n.GetProperty("state").GetString() == "Active");
        Assert.True(node.GetProperty("launchId").GetString() == launch, $"the node launched before the kill must be the one that completes: {node}");
        Assert.DoesNotContain(nodes, n => n.GetProperty("state").GetString() == "Failed");
        CloudHoldings.AssertMatch(nodes, servers, volumes, cluster.Describe);
        Assert.True(resumed < Limit, $"resumed after {resumed}");
    }

    public async Task InitializeAsync() => _database = await FaultDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
