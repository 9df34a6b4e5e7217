using NodeManager.Core.Events;
using NodeManager.Core.Operations;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Tests.Controller;

/// <summary>The controller's own publishes feed the board's events: a launch reads as a decision, then its node's states.</summary>
public sealed class DistrictEventsSpec : ControllerSpecBase
{
    [Fact]
    public void A_launch_must_appear_as_a_scale_up_then_each_state_its_node_entered_in_order()
    {
        var host = StartController(minNodes: 1);
        AdvanceUntil(() => NodesIn(NodePhase.Active) >= 1, "a node Active");

        var node = Nodes().First(n => n.State == nameof(NodePhase.Active)).Name;
        var events = host.Board.Events.Recent(FeedFilter.All, 1000).Reverse().ToList();
        var states = events.Where(e => e.Kind == FeedEventKind.Node && e.Node == node).Select(e => e.Type).ToList();

        Assert.Equal(nameof(NodePhase.Active), states[^1]);
        Assert.True(states.IndexOf(nameof(NodePhase.Booting)) < states.IndexOf(nameof(NodePhase.Joining)), string.Join(", ", states));
        Assert.DoesNotContain(states.Zip(states.Skip(1)), pair => pair.First == pair.Second);
        var scaleUp = events.First(e => e.Kind == FeedEventKind.Decision && e.Type == "ScaleUp");
        Assert.True(scaleUp.Id < events.First(e => e.Node == node && e.Type == nameof(NodePhase.Booting)).Id);
        Assert.Equal("d1", scaleUp.District);
        Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));
    }

    [Fact]
    public async Task An_operator_action_must_appear_as_an_operator_event_naming_the_token_and_the_reason()
    {
        var host = StartController(minNodes: 0);
        AdvanceUntil(() => District("d1") is not null, "the district to start");

        var pause = await host.ActAsync(new OperatorRequest(OperatorAction.Pause, "d1", "ops", "maintenance", null, null), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        AdvanceUntil(() => host.Board.Events.Recent(new FeedFilter(null, null, FeedEventKind.Operator), 10).Count > 0, "the pause in the feed");

        var change = Assert.Single(host.Board.Events.Recent(new FeedFilter(null, null, FeedEventKind.Operator), 10));
        Assert.Equal(OperatorVerdict.Done, pause.Verdict);
        Assert.Equal(("d1", "pause", (string?)null, "pause d1 by ops: maintenance"), (change.District, change.Type, change.Node, change.Message));
    }
}
