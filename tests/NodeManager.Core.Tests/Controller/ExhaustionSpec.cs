using NodeManager.Core.Cloud;
using NodeManager.Core.Scaling;
using NodeManager.Core.Tests.Support;
using NodeManager.Simulators.Paas;

namespace NodeManager.Core.Tests.Controller;

public sealed class ExhaustionSpec : ControllerSpecBase
{
    [Fact]
    public void Quota_reached_mid_scale_up_must_abort_launches_back_off_show_the_condition_and_recover_when_raised()
    {
        // A cloud that cannot report limits: the quota is only discovered when a create is refused.
        World.Cloud.Options.InstanceQuota = 2;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 600));
        StartController(new UnknownLimitsCloud(World.Cloud), paas);

        AdvanceUntil(() => NodesIn(NodePhase.Aborted) >= 1, () => $"an aborted launch (nodes: {Describe()})");
        AdvanceUntil(() => District("d1")?.Conditions.Any(c => c.Type == "exhausted") == true, "the exhausted condition");

        var condition = District("d1")!.Conditions.Single(c => c.Type == "exhausted");
        Assert.Contains("Quota exceeded for instances", condition.Message);
        Assert.NotNull(condition.RetryAt);
        Assert.Equal(0, NodesIn(NodePhase.Failed));
        Assert.Equal(2, World.Cloud.Servers.Count);
        Assert.True(Host!.Board.CloudBackoff!.IsActive(Time.GetUtcNow()));

        World.Cloud.Options.InstanceQuota = 6;
        AdvanceUntil(() => World.Cloud.Servers.Count == 6 && District("d1")!.Conditions.All(c => c.Type != "exhausted"),
            () => $"recovery (servers {World.Cloud.Servers.Count}, conditions {string.Join("; ", District("d1")!.Conditions.Select(c => c.Message))})",
            TimeSpan.FromSeconds(2));
        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 6, () => $"six active nodes ({Describe()})");
    }

    [Fact]
    public void Known_quota_must_raise_exhaustion_before_any_launch_is_attempted()
    {
        World.Cloud.Options.InstanceQuota = 1;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 400));
        StartController(paas: paas);

        AdvanceUntil(() => District("d1")?.Conditions.Any(c => c.Type == "exhausted") == true, () => $"exhaustion ({Describe()})");

        Assert.Contains("quota headroom", District("d1")!.Conditions.Single(c => c.Type == "exhausted").Message);
        Assert.Equal(0, NodesIn(NodePhase.Aborted));
        Assert.Single(World.Cloud.Servers);
    }

    /// <summary>
    /// Rule: only proof clears an exhaustion. Nodes launched before it began prove nothing when they become Active; once
    /// its back-off runs out the condition stays raised while launches try again, and a refusal doubles the back-off; the
    /// first node launched since that becomes Active clears it, so the next exhaustion starts from the shortest back-off.
    /// </summary>
    [Fact]
    public void Exhaustion_must_stay_raised_until_a_node_launched_since_becomes_Active_and_then_start_again_from_the_shortest_back_off()
    {
        Scaling = Scaling with
        {
            MaxConcurrentLaunches = 4,
            ExhaustionBackoffMin = TimeSpan.FromMinutes(2),
            ExhaustionBackoffMax = TimeSpan.FromMinutes(10),
        };
        World.Cloud.Options.InstanceQuota = 2;
        var paas = Paas(Time, new DemandPoint(TimeSpan.Zero, 600));
        StartController(new UnknownLimitsCloud(World.Cloud), paas);
        var cleared = false;

        AdvanceUntil(() => Exhausted() is not null, () => $"the exhausted condition ({Describe()})");
        var first = Exhausted()!;
        Assert.Equal(TimeSpan.FromMinutes(2), first.RetryAt!.Value - first.Since);
        Assert.True(NodesIn(NodePhase.Active) < 2, $"a node still booting when the exhaustion began ({Describe()})");

        // The two nodes the quota let through were launched before the exhaustion: their becoming Active proves nothing.
        AdvanceUntil(() => WatchCleared(ref cleared) && NodesIn(NodePhase.Active) == 2, () => $"two Active nodes ({Describe()})");
        Assert.True(Time.GetUtcNow() < first.RetryAt.Value, "the nodes became Active while the back-off ran");
        Assert.False(cleared, "the exhaustion cleared when nodes launched before it became Active");

        // The back-off runs out, the retry is refused again: the condition never cleared, and the back-off doubled.
        AdvanceUntil(() => WatchCleared(ref cleared) && Exhausted() is { } c && c.RetryAt > first.RetryAt,
            () => $"a second refusal ({Describe()})", TimeSpan.FromSeconds(5));
        Assert.False(cleared, "the exhaustion cleared before any launch proved capacity back");
        var second = Exhausted()!;
        Assert.Equal(first.Since, second.Since);
        Assert.InRange(second.RetryAt!.Value, first.RetryAt.Value + TimeSpan.FromMinutes(4), first.RetryAt.Value + TimeSpan.FromMinutes(5));

        // Capacity comes back: the first node launched since becomes Active and clears the condition...
        World.Cloud.Options.InstanceQuota = 4;
        AdvanceUntil(() => Exhausted() is null, () => $"the exhaustion cleared ({Describe()})", TimeSpan.FromSeconds(5));
        Assert.InRange(NodesIn(NodePhase.Active), 3, 4);
        Assert.Null(Host!.Board.Districts["d1"].State.PreviousBackoff);

        // ...as proven: the next refusal starts from the shortest back-off instead of doubling on.
        AdvanceUntil(() => Exhausted() is not null, () => $"a third refusal ({Describe()})");
        var third = Exhausted()!;
        Assert.True(third.Since > second.RetryAt, $"a new exhaustion, not the old one continued ({third.Since:HH:mm:ss})");
        Assert.Equal(TimeSpan.FromMinutes(2), third.RetryAt!.Value - third.Since);
    }

    private Core.Status.ConditionStatus? Exhausted() => District("d1")?.Conditions.FirstOrDefault(c => c.Type == "exhausted");

    private bool WatchCleared(ref bool cleared)
    {
        cleared |= Exhausted() is null;
        return true;
    }

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"));

    /// <summary>Wraps a cloud so that it reports no limits (the quota surfaces as a refused create).</summary>
    private sealed class UnknownLimitsCloud(ICloud inner) : DelegatingCloud(inner)
    {
        public override Task<CloudLimits> GetLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(CloudLimits.Unlimited);
    }
}
