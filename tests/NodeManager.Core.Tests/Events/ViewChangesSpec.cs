using NodeManager.Core.Districts;
using NodeManager.Core.Events;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Events.DistrictViews;

namespace NodeManager.Core.Tests.Events;

/// <summary><see cref="ViewChanges.Between"/>: what two views of a district differ in, as events of each kind.</summary>
public sealed class ViewChangesSpec
{
    private static readonly DateTimeOffset Now = T0.AddMinutes(5);

    [Fact]
    public void A_districts_first_view_must_be_its_baseline_and_yield_nothing()
    {
        var view = Decided(District("district-a", Node(1, (NodePhase.Active, "NodeJoined"))), "hold", "usage 50%");

        Assert.Empty(ViewChanges.Between(null, view, Now));
    }

    [Fact]
    public void Nothing_must_be_reported_when_nothing_changed()
    {
        var node = Node(1, (NodePhase.Requested, "NodeRequested"), (NodePhase.Active, "NodeJoined"));
        var before = Decided(District("district-a", node), "hold", "usage 50%");
        // A republish: a new view object holding the same node views and state, and a copy with equal values.
        var again = before with { Utilisation = 50 };
        var copy = before with { Nodes = [node with { }], State = before.State with { } };

        Assert.Empty(ViewChanges.Between(before, before, Now));
        Assert.Empty(ViewChanges.Between(before, again, Now));
        Assert.Empty(ViewChanges.Between(before, copy, Now));
    }

    [Fact]
    public void A_node_step_into_a_new_state_must_be_a_node_event_with_the_new_state_and_the_step()
    {
        var booting = Node(3, (NodePhase.Requested, "NodeRequested"), (NodePhase.Booting, "ServerRequested"));
        var attaching = Step(booting, NodePhase.VolumeAttaching, "ServerBooted");

        var change = Assert.Single(ViewChanges.Between(District("district-a", booting), District("district-a", attaching), Now));

        Assert.Equal(FeedEventKind.Node, change.Kind);
        Assert.Equal("district-a", change.District);
        Assert.Equal("district-a-3.example.com", change.Node);
        Assert.Equal("VolumeAttaching", change.Type);
        Assert.Equal("Booting → VolumeAttaching: ServerBooted", change.Message);
        Assert.Equal(attaching.History[^1].At, change.At);
    }

    [Fact]
    public void A_step_that_keeps_the_state_must_not_be_an_event()
    {
        var attaching = Node(3, (NodePhase.Requested, "NodeRequested"), (NodePhase.VolumeAttaching, "ServerBooted"));
        var created = Step(attaching, NodePhase.VolumeAttaching, "VolumeCreated", "volume v-1");

        Assert.Empty(ViewChanges.Between(District("district-a", attaching), District("district-a", created), Now));
    }

    [Fact]
    public void Every_state_a_node_passed_between_two_views_must_be_an_event_of_its_own_in_order()
    {
        var booting = Node(2, (NodePhase.Requested, "NodeRequested"), (NodePhase.Booting, "ServerRequested"));
        var active = Step(Step(Step(booting, NodePhase.VolumeAttaching, "ServerBooted"), NodePhase.Joining, "VolumeAttached"), NodePhase.Active, "NodeJoined");

        var changes = ViewChanges.Between(District("district-a", booting), District("district-a", active), Now);

        Assert.Equal(["VolumeAttaching", "Joining", "Active"], changes.Select(c => c.Type));
        Assert.All(changes, c => Assert.Equal(FeedEventKind.Node, c.Kind));
    }

    [Fact]
    public void A_new_node_must_be_reported_from_its_first_state()
    {
        var before = District("district-a");
        var requested = Node(1, (NodePhase.Requested, "NodeRequested"));

        var change = Assert.Single(ViewChanges.Between(before, District("district-a", requested), Now));

        Assert.Equal("Requested", change.Type);
        Assert.Equal("Requested: NodeRequested", change.Message);
    }

    [Fact]
    public void A_launch_journaled_must_be_reported_as_requested_then_its_first_report_by_its_state()
    {
        var standIn = Node(7);
        var reported = Node(7, (NodePhase.Requested, "NodeRequested"), (NodePhase.Booting, "ServerRequested"));
        var before = District("district-a");

        var requested = Assert.Single(ViewChanges.Between(before, District("district-a", standIn), Now));
        var booting = Assert.Single(ViewChanges.Between(District("district-a", standIn), District("district-a", reported), Now));

        Assert.Equal(("Requested", "Requested"), (requested.Type, requested.Message));
        Assert.Equal(("Booting", "Booting: ServerRequested"), (booting.Type, booting.Message));
    }

    [Fact]
    public void A_district_that_restarted_must_not_retell_its_nodes_lives()
    {
        // The district restarts (or starts on another member): its nodes stand in as Requested until each reports.
        var active = Node(8, (NodePhase.Requested, "NodeRequested"), (NodePhase.Booting, "ServerRequested"), (NodePhase.Active, "NodeJoined"));
        var standIn = Node(8);

        Assert.Empty(ViewChanges.Between(District("district-a", active), District("district-a", standIn), Now));
        var back = Assert.Single(ViewChanges.Between(District("district-a", standIn), District("district-a", active), Now));
        Assert.Equal(("Active", "Active: NodeJoined"), (back.Type, back.Message));
    }

    [Fact]
    public void A_node_that_finished_must_be_reported_in_its_final_state_with_its_error()
    {
        var booting = Node(4, (NodePhase.Requested, "NodeRequested"), (NodePhase.Booting, "ServerRequested"));
        var failed = Step(booting, NodePhase.Failed, "LaunchFailed", "flavor m1.huge not found") with { LastError = "flavor m1.huge not found" };
        var before = District("district-a", booting);
        var after = before with { Nodes = [], Finished = [failed] };

        var change = Assert.Single(ViewChanges.Between(before, after, Now));

        Assert.Equal("Failed", change.Type);
        Assert.Contains("flavor m1.huge not found", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_whose_history_the_view_lost_must_still_be_reported_by_its_state()
    {
        // After a restart a finished node's view is rebuilt from the district's journal with a one-entry history.
        var draining = Node(5, (NodePhase.Requested, "NodeRequested"), (NodePhase.Active, "NodeJoined"), (NodePhase.Draining, "DrainStarted"));
        var reclaimed = draining with { Phase = NodePhase.Reclaimed, History = [new(T0, "Reclaimed", "NodeFinished", null)] };
        var before = District("district-a", draining);

        var change = Assert.Single(ViewChanges.Between(before, before with { Nodes = [], Finished = [reclaimed] }, Now));

        Assert.Equal("Reclaimed", change.Type);
        Assert.Equal(Now, change.At);
    }

    [Fact]
    public void A_new_decision_must_be_reported_and_a_repeated_one_must_not()
    {
        var before = Decided(District(), "hold", "usage 50% between low-water mark 40% and high-water mark 80%");
        var up = Decided(before, "scale-up", "usage 90% ≥ high-water mark 80%: launching 1 node(s)", 60);
        var same = Decided(up, "scale-up", "usage 90% ≥ high-water mark 80%: launching 1 node(s)", 120);

        var change = Assert.Single(ViewChanges.Between(before, up, Now));
        Assert.Equal(FeedEventKind.Decision, change.Kind);
        Assert.Equal("ScaleUp", change.Type);
        Assert.Null(change.Node);
        Assert.Equal("usage 90% ≥ high-water mark 80%: launching 1 node(s)", change.Message);
        Assert.Equal(T0.AddSeconds(60), change.At);
        Assert.Empty(ViewChanges.Between(up, same, Now));
    }

    [Fact]
    public void A_decision_whose_reason_changed_must_be_reported_with_the_new_reason()
    {
        var before = Decided(District(), "hold", "usage 50%");
        var after = Decided(before, "hold", "usage 55%", 30);

        var change = Assert.Single(ViewChanges.Between(before, after, Now));

        Assert.Equal("Hold", change.Type);
        Assert.Equal("usage 55%", change.Message);
    }

    [Fact]
    public void An_exhaustion_must_be_raised_raised_again_when_renewed_and_cleared()
    {
        var calm = District();
        var exhausted = WithState(calm, s => s with { Backoff = Backoff("quota: instances 5 of 5 used"), BackoffScope = ExhaustionScope.Cloud });
        var renewed = WithState(exhausted, s => s with { Backoff = Backoff("quota: instances 5 of 5 used", attempts: 2) });
        var cleared = WithState(renewed, s => s with { Backoff = null });

        var raised = Assert.Single(ViewChanges.Between(calm, exhausted, Now));
        Assert.Equal((FeedEventKind.Condition, "exhausted"), (raised.Kind, raised.Type));
        Assert.StartsWith("raised: cloud: quota: instances 5 of 5 used", raised.Message, StringComparison.Ordinal);
        Assert.StartsWith("raised again (2 in a row)", Assert.Single(ViewChanges.Between(exhausted, renewed, Now)).Message, StringComparison.Ordinal);
        var clear = Assert.Single(ViewChanges.Between(renewed, cleared, Now));
        Assert.Equal("exhausted", clear.Type);
        Assert.StartsWith("cleared", clear.Message, StringComparison.Ordinal);
        Assert.Equal(Now, clear.At);
    }

    [Fact]
    public void Launch_failing_must_be_raised_and_cleared()
    {
        var calm = District();
        var failing = WithState(calm, s => s with { LaunchFailing = Backoff("image not found") });

        var raised = Assert.Single(ViewChanges.Between(calm, failing, Now));
        var cleared = Assert.Single(ViewChanges.Between(failing, calm, Now));

        Assert.Equal(("launch-failing", "launch-failing"), (raised.Type, cleared.Type));
        Assert.Contains("image not found", raised.Message, StringComparison.Ordinal);
        Assert.StartsWith("cleared", cleared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_condition_must_be_raised_when_it_appears_and_cleared_when_it_goes()
    {
        var calm = District();
        var full = calm with { Conditions = Conditions(new PolicyCondition("district-full", "small", "profile small: no district has free UIDs")) };

        var raised = Assert.Single(ViewChanges.Between(calm, full, Now));
        var cleared = Assert.Single(ViewChanges.Between(full, calm, Now));

        Assert.Equal(("district-full", "raised: profile small: no district has free UIDs"), (raised.Type, raised.Message));
        Assert.Equal("district-full", cleared.Type);
        Assert.Empty(ViewChanges.Between(full, full with { Conditions = Conditions([.. full.Conditions]) }, Now));
    }

    [Fact]
    public void A_stalled_drain_must_be_a_condition_of_its_node()
    {
        var draining = Node(6, (NodePhase.Active, "NodeJoined"), (NodePhase.Draining, "DrainStarted"));
        var stalled = draining with { Alerting = true };

        var change = Assert.Single(ViewChanges.Between(District("district-a", draining), District("district-a", stalled), Now));

        Assert.Equal((FeedEventKind.Condition, "drain-stalled", "district-a-6.example.com"), (change.Kind, change.Type, change.Node));
        Assert.StartsWith("raised", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_large_district_only_the_node_that_moved_must_be_reported()
    {
        var nodes = Enumerable.Range(1, 2000).Select(i => Node(i, (NodePhase.Requested, "NodeRequested"), (NodePhase.Active, "NodeJoined"))).ToArray();
        var before = District("district-a", nodes);
        var moved = nodes.ToArray();
        moved[1234] = Step(moved[1234], NodePhase.Draining, "DrainStarted");
        var fresh = Node(2001, (NodePhase.Requested, "NodeRequested"));

        var changes = ViewChanges.Between(before, before with { Nodes = [.. moved, fresh] }, Now);

        Assert.Equal([("district-a-1235.example.com", "Draining"), ("district-a-2001.example.com", "Requested")], changes.Select(c => (c.Node, c.Type)));
    }

    [Fact]
    public void A_message_must_be_one_line()
    {
        var before = Decided(District(), "hold", "usage 50%");
        var after = Decided(before, "hold", "the cloud said:\nquota exceeded\r\nfor instances", 30);

        Assert.Equal("the cloud said: quota exceeded for instances", Assert.Single(ViewChanges.Between(before, after, Now)).Message);
    }

    [Fact]
    public void Each_operator_action_journaled_since_the_last_view_must_be_an_operator_event_naming_who_and_why()
    {
        var pause = new OperatorActionRecord("pause", "district-a", "ops", "maintenance", T0.AddSeconds(1));
        var protect = new OperatorActionRecord("protect", "district-a-2.example.com", "ops", null, T0.AddSeconds(2));
        var drain = new OperatorActionRecord("drain", "district-a-3.example.com", "oncall", "disk failing", T0.AddSeconds(3));
        var before = WithState(District(), s => s with { RecentActions = [pause] });
        var after = WithState(District(), s => s with { RecentActions = [pause, protect, drain] });

        var changes = ViewChanges.Between(before, after, Now);

        Assert.Equal(
            [
                (FeedEventKind.Operator, "protect", "district-a-2.example.com", "protect district-a-2.example.com by ops", protect.At),
                (FeedEventKind.Operator, "drain", "district-a-3.example.com", "drain district-a-3.example.com by oncall: disk failing", drain.At),
            ],
            changes.Select(c => (c.Kind, c.Type, c.Node, c.Message, c.At)));
    }

    [Fact]
    public void A_district_level_operator_action_must_name_no_node()
    {
        var pause = new OperatorActionRecord("pause", "district-a", "ops", "maintenance", T0.AddSeconds(1));

        var change = Assert.Single(ViewChanges.Between(District(), WithState(District(), s => s with { RecentActions = [pause] }), Now));

        Assert.Equal(("pause", (string?)null, "pause district-a by ops: maintenance"), (change.Type, change.Node, change.Message));
    }

    [Fact]
    public void Operator_actions_a_replicated_copy_of_the_view_repeats_must_not_be_reported_again()
    {
        var pause = new OperatorActionRecord("pause", "district-a", "ops", null, T0.AddSeconds(1));
        var before = WithState(District(), s => s with { RecentActions = [pause] });
        // Another member's view arrives deserialized: equal records in a new list.
        var copy = WithState(District(), s => s with { RecentActions = [pause with { }] });

        Assert.Empty(ViewChanges.Between(before, copy, Now));
    }
}
