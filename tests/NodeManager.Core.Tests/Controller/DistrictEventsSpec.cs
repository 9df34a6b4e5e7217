using NodeManager.Core.Events;
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
}
