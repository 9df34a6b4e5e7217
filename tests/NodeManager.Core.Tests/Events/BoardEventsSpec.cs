using NodeManager.Core.Controller;
using NodeManager.Core.Events;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Events.DistrictViews;

namespace NodeManager.Core.Tests.Events;

/// <summary>The board records what changed in each view it is given, its own districts' and other members' alike.</summary>
public sealed class BoardEventsSpec
{
    [Fact]
    public void Published_and_replicated_views_must_both_feed_the_events()
    {
        var feed = new EventFeed(100);
        var board = new ControllerBoard(feed);
        var local = Node(1, (NodePhase.Requested, "NodeRequested"));
        var remote = Node(2, (NodePhase.Requested, "NodeRequested")) with { District = "district-b" };

        board.Publish(District("district-a", local));
        board.Replicate(District("district-b", remote), "akka.tcp://nodemanager@127.0.0.1:4053");
        Assert.Empty(feed.Recent(FeedFilter.All, 10));

        board.Publish(District("district-a", Step(local, NodePhase.Booting, "ServerRequested")));
        board.Replicate(District("district-b", Step(remote, NodePhase.Booting, "ServerRequested")), "akka.tcp://nodemanager@127.0.0.1:4053");

        Assert.Same(feed, board.Events);
        Assert.Equal([("district-b", "Booting"), ("district-a", "Booting")], feed.Recent(FeedFilter.All, 10).Select(e => (e.District, e.Type)));
        Assert.Equal("akka.tcp://nodemanager@127.0.0.1:4053", board.Owners["district-b"]);
    }
}
