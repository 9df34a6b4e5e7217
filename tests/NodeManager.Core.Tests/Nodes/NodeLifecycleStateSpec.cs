using NodeManager.Core.Nodes;
using NodeManager.Core.Status;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Tests.Nodes;

public sealed class NodeLifecycleStateSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NodeLifecycleState_must_build_history_entries_with_their_phase_and_detail_when_read()
    {
        var state = NodeLifecycleState.Empty
            .Apply(new NodeRequested("d1-1", "d1", "small", 1, "d1_1", "d1-1.paas.test", T0))
            .Apply(new ServerRequested(1, T0.AddSeconds(1)))
            .Apply(new ServerCreated("srv-1", T0.AddSeconds(2)))
            .Apply(new LaunchFailed("boot timed out", LaunchOutcome.Retry, T0.AddSeconds(3)));

        NodeHistoryEntry[] expected =
            [
                new NodeHistoryEntry(T0, "Requested", "NodeRequested", null),
                new NodeHistoryEntry(T0.AddSeconds(1), "Booting", "ServerRequested", "attempt 1"),
                new NodeHistoryEntry(T0.AddSeconds(2), "Booting", "ServerCreated", "server srv-1"),
                new NodeHistoryEntry(T0.AddSeconds(3), "Booting", "LaunchFailed", "retry: boot timed out"),
            ];

        Assert.Equal(expected, state.History.ToArray());
        Assert.Equal("retry: boot timed out", state.LatestHistoryDetail);
        Assert.Equal(expected, state.ToView().History.ToArray());
    }

    [Fact]
    public void NodeLifecycleState_must_keep_the_request_and_the_latest_history_entries()
    {
        var state = NodeLifecycleState.Empty.Apply(new NodeRequested("d1-1", "d1", "small", 1, "d1_1", "d1-1.paas.test", T0));
        for (var i = 1; i <= NodeLifecycleState.HistoryLimit + 5; i++)
            state = state.Apply(new ServerRequested(i, T0.AddSeconds(i)));

        Assert.Equal(NodeLifecycleState.HistoryLimit, state.History.Length);
        Assert.Equal($"attempt {NodeLifecycleState.HistoryLimit + 5}", state.History[^1].Detail);
        Assert.Equal((T0, "NodeRequested"), (state.History[0].At, state.History[0].Event));
        Assert.Equal(T0.AddSeconds(7), state.History[1].At);
    }
}
