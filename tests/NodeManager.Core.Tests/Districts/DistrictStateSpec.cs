using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Districts.DistrictSupervisor;

namespace NodeManager.Core.Tests.Districts;

public sealed class DistrictStateSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static DistrictState Folded() => new DistrictState("d1")
        .Apply(new DistrictStarted("small", T0))
        .Apply(new NodeLaunchRequested("d1-1", 1, "d1_1", "d1-1.example.com", T0))
        .Apply(new NodeLaunchRequested("d1-2", 2, "d1_2", "d1-2.example.com", T0))
        .Apply(new NodeFinished("d1-1", NodePhase.Reclaimed, T0.AddMinutes(9)))
        .Apply(new ScaledUp(2, "hot", T0))
        .Apply(new ExhaustionRaised(ExhaustionScope.Cloud, "Quota exceeded for instances", T0, T0.AddMinutes(5), 1, false, T0));

    [Fact]
    public void DistrictState_must_free_the_index_of_a_finished_node_and_never_reuse_a_launch_id()
    {
        var state = Folded();

        Assert.Equal([2], state.TakenIndexes);
        Assert.Equal(3, state.NextSeq);
        Assert.Equal(1, state.Finished);
    }

    [Fact]
    public void DistrictState_must_keep_an_unproven_back_off_to_double_from()
    {
        var cleared = Folded().Apply(new ExhaustionCleared(false, T0.AddMinutes(6)));
        var proven = Folded().Apply(new ExhaustionCleared(true, T0.AddMinutes(6)));

        Assert.Null(cleared.Backoff);
        Assert.Equal(1, cleared.PreviousBackoff!.Attempts);
        Assert.Null(proven.PreviousBackoff);
    }

    [Fact]
    public void DistrictState_must_remember_the_last_operator_actions_with_who_why_and_when()
    {
        var state = new DistrictState("d1");
        for (var i = 0; i < DistrictState.RecentActionsKept + 3; i++)
            state = state.Apply(new OperatorActionRecorded("scale-now", "d1", "ops", $"try {i}", T0.AddMinutes(i)));
        state = state.Apply(new NodeProtected("d1-2.example.com", "oncall", "debugging", T0.AddHours(1)));

        Assert.Equal(DistrictState.RecentActionsKept, state.RecentActions.Count);
        Assert.Equal("try 4", state.RecentActions[0].Reason);
        Assert.Equal(new OperatorActionRecord("protect", "d1-2.example.com", "oncall", "debugging", T0.AddHours(1)), state.RecentActions[^1]);
        Assert.Equal(new NodeProtection("oncall", "debugging", T0.AddHours(1)), state.ProtectedNodes["d1-2.example.com"]);
    }

    [Fact]
    public void DistrictState_must_launch_a_retried_node_in_the_failed_one_s_place_and_forget_a_failed_node()
    {
        var failed = Folded().Apply(new NodeFinished("d1-2", NodePhase.Failed, T0.AddMinutes(10), "boot timeout"));

        var retried = failed.Apply(new FailedLaunchRetried("d1-2", "d1-3", 2, "d1_2", "d1-2.example.com", "ops", null, T0.AddMinutes(11)));
        var forgotten = failed.Apply(new FailedNodeForgotten("d1-2", "d1-2.example.com", "ops", "gone for good", T0.AddMinutes(11)));

        Assert.Equal(["d1-3"], retried.Nodes.Keys);
        Assert.Equal(4, retried.NextSeq);
        Assert.DoesNotContain(retried.FinishedNodes, f => f.LaunchId == "d1-2");
        Assert.Contains(retried.FinishedNodes, f => f.LaunchId == "d1-1");
        Assert.Equal(["d1-1"], forgotten.FinishedNodes.Select(f => f.LaunchId));
        Assert.Equal("retry", retried.RecentActions.Single().Action);
        Assert.Equal("forget", forgotten.RecentActions.Single().Action);
    }
}
