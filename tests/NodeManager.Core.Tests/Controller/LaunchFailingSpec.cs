using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>Launches that keep failing back the district off and say so, instead of looping quietly.</summary>
public sealed class LaunchFailingSpec : ControllerSpecBase
{
    [Fact]
    public void Failing_launches_must_back_the_district_off_doubling_show_the_condition_and_clear_on_the_first_success()
    {
        Scaling = Scaling with
        {
            MaxConcurrentLaunches = 1,
            LaunchFailureBackoffMin = TimeSpan.FromMinutes(5),
            LaunchFailureBackoffMax = TimeSpan.FromMinutes(30),
        };
        World.Cloud.Options.FailBoots = 1000;
        World.Paas.ScaleDemand("d1", 30);
        StartController();

        AdvanceUntil(() => Condition() is not null, () => $"the launch-failing condition ({Describe()})", TimeSpan.FromSeconds(5));
        var first = Condition()!;
        Assert.Contains("ERROR", first.Message);
        Assert.StartsWith("1 launch(es) in a row failed", first.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(5), first.RetryAt!.Value - first.Since);
        Assert.Equal(1, NodesIn(NodePhase.Failed));

        // Nothing is launched while the back-off runs.
        AdvanceUntil(() => Time.GetUtcNow() >= first.RetryAt.Value - TimeSpan.FromSeconds(10), "the end of the back-off", TimeSpan.FromSeconds(10));
        Assert.Equal(1, NodesIn(NodePhase.Failed));
        Assert.Equal(0, Live());
        Assert.Contains("launches are failing", District("d1")!.LastDecision!.Reason);

        AdvanceUntil(() => Condition() is { } c && c.Message.StartsWith("2 launch", StringComparison.Ordinal),
            () => $"a second failure ({Describe()})", TimeSpan.FromSeconds(5));
        var second = Condition()!;
        // The second failure came after the first back-off ran out; its back-off is twice as long.
        Assert.InRange(second.RetryAt!.Value, first.RetryAt.Value + TimeSpan.FromMinutes(10), first.RetryAt.Value + TimeSpan.FromMinutes(13));
        Assert.Equal(2, NodesIn(NodePhase.Failed));

        // Bad news at the right level: each failed launch once at WARN with the cloud's words, the node's end at ERROR.
        var failures = Logged.Entries.Where(e => e.Message.Contains("LAUNCH FAILED", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, e.Level));
        Assert.All(failures, e => Assert.Equal("d1", e.Category));
        var ended = Logged.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("→ Failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ended.Count);
        Assert.All(ended, e => Assert.Contains("ERROR", e.Message));
        Assert.All(ended, e => Assert.StartsWith("d1/d1-", e.Category, StringComparison.Ordinal));

        World.Cloud.Options.FailBoots = 0;
        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 1 && Condition() is null, () => $"a launch that works clears the condition ({Describe()})", TimeSpan.FromSeconds(10));
    }

    private Core.Status.ConditionStatus? Condition() => District("d1")?.Conditions.FirstOrDefault(c => c.Type == "launch-failing");

    private string Describe() => $"{string.Join(", ", Nodes().Select(n => $"{n.Name}:{n.State}"))}; decision: {District("d1")?.LastDecision?.Reason}";
}
