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
}
