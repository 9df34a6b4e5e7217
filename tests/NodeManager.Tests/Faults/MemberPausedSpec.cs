using System.Diagnostics;
using Xunit.Abstractions;

namespace NodeManager.Tests.Faults;

/// <summary>
/// SIGSTOP of the member driving a district, past the failure detector, the split brain resolver and its lease: the
/// others down it and resume its districts; after SIGCONT it makes no cloud or platform change at all and terminates.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class MemberPausedSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private FaultDatabase _database = null!;

    [Fact]
    public async Task A_member_paused_past_its_lease_must_be_downed_and_change_nothing_when_it_runs_again()
    {
        await using var cluster = await FaultCluster.StartAsync(_database.ConnectionString, members: 3);
        var (owner, launch) = await FaultSteps.OwnerWithNodeMidLaunchAsync(cluster, cluster.Members[0], "district-a", Limit);
        var others = cluster.Members.Where(m => m != owner).ToList();
        output.WriteLine($"district-a: node {launch} mid-launch on {owner}; SIGSTOP");

        owner.Process.Signal("STOP");
        var paused = Stopwatch.StartNew();
        var resumedOn = await FaultSteps.ResumedElsewhereAsync(cluster, others, "district-a", owner, Limit);
        output.WriteLine($"district-a resumed on {resumedOn} {paused.Elapsed.TotalSeconds:F1} s after SIGSTOP");
        // Downed and removed: the others no longer list it.
        await cluster.UntilAsync(async () => await MembersListedAsync(cluster, others[0]) == others.Count, Limit, $"{owner} removed from the cluster");
        // The new owner must have changed the cloud meanwhile (the stopped member's boot went on without it).
        await FaultSteps.EveryDistrictActiveAsync(cluster, others[0], Limit);
        var cloudBefore = await cluster.MutationsAsync(cluster.OpenStackSimulator);
        var platformBefore = await cluster.MutationsAsync(cluster.PaasSimulator);
        var cloudCaller = owner.CloudCaller(cloudBefore.Keys);

        owner.Process.Signal("CONT");
        var code = await owner.Process.WaitForExitAsync(Limit);
        output.WriteLine($"{owner} exited {code} after SIGCONT");
        var cloudAfter = await cluster.MutationsAsync(cluster.OpenStackSimulator);
        var platformAfter = await cluster.MutationsAsync(cluster.PaasSimulator);
        var nodes = await cluster.NodesAsync(others[0]);
        var (servers, volumes) = await cluster.CloudAsync();

        Assert.True(cloudBefore.ContainsKey(cloudCaller), $"the paused member must have been seen creating servers before: {string.Join(", ", cloudBefore.Keys)}");
        Assert.True(
            cloudAfter.GetValueOrDefault(cloudCaller) == cloudBefore[cloudCaller],
            $"cloud mutations by {owner} after SIGCONT: {cloudAfter.GetValueOrDefault(cloudCaller) - cloudBefore[cloudCaller]}\n{owner.Process.Output}");
        Assert.True(
            platformAfter.GetValueOrDefault(owner.PlatformCaller) == platformBefore.GetValueOrDefault(owner.PlatformCaller),
            $"platform mutations by {owner} after SIGCONT: {platformAfter.GetValueOrDefault(owner.PlatformCaller) - platformBefore.GetValueOrDefault(owner.PlatformCaller)}\n{owner.Process.Output}");
        Assert.Contains(nodes, n => n.GetProperty("launchId").GetString() == launch && n.GetProperty("state").GetString() == "Active");
        CloudHoldings.AssertMatch(nodes, servers, volumes, cluster.Describe);
    }

    private static async Task<int> MembersListedAsync(FaultCluster cluster, ClusterMember via) =>
        (await cluster.GetAsync(await via.Management, "cluster/members")).GetProperty("members").GetArrayLength();

    public async Task InitializeAsync() => _database = await FaultDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
