using NodeManager.Core.Cloud.Simulated;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Tests.Controller;

/// <summary>Nova accepts the server and its scheduler puts it into ERROR with "No valid host": the district backs off.</summary>
public sealed class NoValidHostSpec : ControllerSpecBase
{
    [Fact]
    public void District_must_abort_and_back_off_when_a_server_goes_to_ERROR_with_no_valid_host()
    {
        World.Cloud.Options.NoValidHost = true;
        StartController(minNodes: 1);

        AdvanceUntil(() => Exhausted() is not null, () => $"the exhausted condition ({Describe()})");

        var condition = Exhausted()!;
        Assert.Equal($"district: boot d1_1: {SimulatedCloud.NoValidHostFault}", condition.Message);
        Assert.Equal(condition.Since + Scaling.ExhaustionBackoffMin, condition.RetryAt);
        Assert.Null(Host!.Board.CloudBackoff);
        Assert.False(Host.Board.Districts["d1"].State.BackoffByLimits);
        Assert.Equal("small", District("d1")!.Profile);
        AdvanceUntil(() => NodesIn(NodePhase.Aborted) == 1 && World.Cloud.Servers.Count == 0, () => $"the ERROR server deleted ({Describe()})");
        Assert.Equal(0, NodesIn(NodePhase.Failed));
        Assert.Single(World.Cloud.Calls, c => c.StartsWith("create-server", StringComparison.Ordinal));

        AdvanceUntil(() => Time.GetUtcNow() >= condition.RetryAt - TimeSpan.FromSeconds(1), "just before the back-off ends");
        Assert.Single(World.Cloud.Calls, c => c.StartsWith("create-server", StringComparison.Ordinal));
        Assert.Equal(condition, Exhausted());
    }

    [Fact]
    public void District_must_double_the_no_valid_host_back_off_per_refusal_up_to_the_maximum()
    {
        World.Cloud.Options.NoValidHost = true;
        StartController(minNodes: 1);

        var backoffs = new List<BackoffState>();
        AdvanceUntil(() =>
        {
            if (Host!.Board.Districts.TryGetValue("d1", out var view) && view.State.Backoff is { } b && !backoffs.Contains(b))
                backoffs.Add(b);
            return backoffs.Count == 4;
        }, () => $"four refusals ({string.Join("; ", backoffs)})", TimeSpan.FromSeconds(2));

        Assert.Equal([1, 2, 3, 4], backoffs.Select(b => b.Attempts));
        Assert.All(backoffs, b => Assert.Equal(backoffs[0].Since, b.Since));
        // Each refusal comes at the earliest once the previous back-off ended and a server had its boot time.
        var min = Scaling.ExhaustionBackoffMin;
        for (var i = 1; i < backoffs.Count; i++)
        {
            var delay = i switch { 1 => 2 * min, 2 => 4 * min, _ => Scaling.ExhaustionBackoffMax };
            Assert.InRange(backoffs[i].RetryAt - backoffs[i - 1].RetryAt, delay + World.Cloud.Options.BootTime, delay + TimeSpan.FromSeconds(40));
        }

        Assert.Equal(0, NodesIn(NodePhase.Failed));
    }

    [Fact]
    public void District_must_launch_again_once_hosts_are_found_after_the_back_off()
    {
        World.Cloud.Options.NoValidHost = true;
        StartController(minNodes: 1);
        AdvanceUntil(() => Exhausted() is not null, "the exhausted condition");

        World.Cloud.Options.NoValidHost = false;

        AdvanceUntil(() => NodesIn(NodePhase.Active) == 1 && Exhausted() is null, () => $"an Active node and no condition ({Describe()})");
        Assert.Equal(1, NodesIn(NodePhase.Aborted));
        Assert.Single(World.Cloud.Servers);
    }

    private ConditionStatus? Exhausted() => District("d1")?.Conditions.FirstOrDefault(c => c.Type == "exhausted");

    private string Describe() => string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State} {n.LastError}"));
}
