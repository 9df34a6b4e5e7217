using Xunit.Abstractions;

namespace NodeManager.Tests.Faults;

/// <summary>
/// SIGTERM to the member driving a district while its node boots: the member leaves (exit 0), the district hands over
/// to another member, and no lifecycle anywhere ends Failed.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class MemberLeavesSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private FaultDatabase _database = null!;

    [Fact]
    public async Task A_member_that_leaves_on_SIGTERM_must_hand_its_districts_over_without_failing_a_lifecycle()
    {
        await using var cluster = await FaultCluster.StartAsync(_database.ConnectionString, members: 3);
        var (owner, launch) = await FaultSteps.OwnerWithNodeMidLaunchAsync(cluster, cluster.Members[0], "district-a", Limit);
        var others = cluster.Members.Where(m => m != owner).ToList();
        output.WriteLine($"district-a: node {launch} mid-launch on {owner}; SIGTERM");

        owner.Process.Signal("TERM");
        var code = await owner.Process.WaitForExitAsync(Limit);
        var resumedOn = await FaultSteps.ResumedElsewhereAsync(cluster, others, "district-a", owner, Limit);
        output.WriteLine($"district-a handed over to {resumedOn}");
        await FaultSteps.EveryDistrictActiveAsync(cluster, others[0], Limit);
        var nodes = await cluster.NodesAsync(others[0]);
        var (servers, volumes) = await cluster.CloudAsync();

        Assert.True(code == 0, $"{owner} exited {code}\n{owner.Process.Output}");
        var failed = nodes.Where(n => n.GetProperty("state").GetString() == "Failed").ToList();
        Assert.True(failed.Count == 0, $"no lifecycle may fail on a hand-over: {string.Join(", ", failed)}");
        Assert.Contains(nodes, n => n.GetProperty("launchId").GetString() == launch && n.GetProperty("state").GetString() == "Active");
        CloudHoldings.AssertMatch(nodes, servers, volumes, cluster.Describe);
    }

    public async Task InitializeAsync() => _database = await FaultDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
