using System.Text.Json;

namespace NodeManager.Tests.Faults;

/// <summary>The steps the fault specs share: catching a node mid-launch, seeing its district resume, waiting for calm.</summary>
internal static class FaultSteps
{
    private static readonly string[] MidLaunch = ["Booting", "VolumeAttaching"];

    /// <summary>
    /// Waits until <paramref name="observer"/> reports a node of <paramref name="district"/> Booting with its server
    /// created, or VolumeAttaching, and names the district's owner; returns that owner and the node's launch id.
    /// </summary>
    public static async Task<(ClusterMember Owner, string LaunchId)> OwnerWithNodeMidLaunchAsync(
        FaultCluster cluster, ClusterMember observer, string district, TimeSpan limit)
    {
        ClusterMember? owner = null;
        string? launch = null;
        await cluster.UntilAsync(
            async () =>
            {
                var node = (await cluster.NodesAsync(observer)).FirstOrDefault(n =>
                    n.GetProperty("district").GetString() == district && MidLaunch.Contains(n.GetProperty("state").GetString())
                    && n.GetProperty("serverId").ValueKind == JsonValueKind.String);
                owner = cluster.MemberAt(await cluster.OwnerAsync(observer, district));
                launch = node.ValueKind == JsonValueKind.Object ? node.GetProperty("launchId").GetString() : null;
                return launch is not null && owner is not null;
            },
            limit,
            $"a node of {district} Booting with a server, or VolumeAttaching, and the district's owner");
        return (owner!, launch!);
    }

    /// <summary>Waits until one of <paramref name="survivors"/> names one of them as <paramref name="district"/>'s owner.</summary>
    public static async Task<ClusterMember> ResumedElsewhereAsync(
        FaultCluster cluster, IReadOnlyList<ClusterMember> survivors, string district, ClusterMember gone, TimeSpan limit)
    {
        ClusterMember? resumedOn = null;
        await cluster.UntilAsync(
            async () =>
            {
                foreach (var survivor in survivors)
                {
                    var owner = cluster.MemberAt(await cluster.OwnerAsync(survivor, district));
                    if (owner is not null && owner != gone && survivors.Contains(owner))
                    {
                        resumedOn = owner;
                        return true;
                    }
                }

                return false;
            },
            limit,
            $"{district} owned by a survivor of {gone}");
        return resumedOn!;
    }

    /// <summary>
    /// Waits until every district is owned by a running member and its one live node is Active, as
    /// <paramref name="via"/> reports it: after that nothing changes in the cloud.
    /// </summary>
    public static Task EveryDistrictActiveAsync(FaultCluster cluster, ClusterMember via, TimeSpan limit) =>
        cluster.UntilAsync(
            async () =>
            {
                var nodes = await cluster.NodesAsync(via);
                foreach (var district in FaultCluster.Districts)
                {
                    var owner = cluster.MemberAt(await cluster.OwnerAsync(via, district));
                    var live = nodes.Where(n => n.GetProperty("district").GetString() == district
                        && n.GetProperty("state").GetString() is not ("Reclaimed" or "Failed" or "Aborted")).ToList();
                    if (owner is null || owner.Process.HasExited || live.Count != 1 || live[0].GetProperty("state").GetString() != "Active")
                    {
                        return false;
                    }
                }

                return true;
            },
            limit,
            "every district owned by a running member, with one Active node");
}
