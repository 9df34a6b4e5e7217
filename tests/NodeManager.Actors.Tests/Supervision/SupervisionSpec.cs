using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Supervision;

public sealed class SupervisionSpec : TestKit.TestKit
{
    public SupervisionSpec()
        : base(useVirtualTime: true)
    {
    }

    [Fact]
    public void Restart_must_keep_the_mailbox_and_reset_the_state()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Counter(TestActor, gate)));

        Send(actor, "count");
        ExpectMsg(1);
        Send(actor, "block");
        ExpectMsg("blocked");
        Send(actor, "fail");
        Send(actor, "count");
        Send(actor, "count");
        gate.Set();

        ExpectMsg("restarted");
        ExpectMsg(1); // the messages queued behind the failure survived; the count started again
        ExpectMsg(2);
    }

    [Fact]
    public void A_failing_child_must_restart_while_its_siblings_keep_their_state()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));
        var first = Child(parent, "first");
        var second = Child(parent, "second");
        first.Tell("count", TestActor);
        second.Tell("count", TestActor);
        ExpectMsg(1);
        ExpectMsg(1);

        first.Tell("fail", TestActor);
        ExpectMsg("restarted");
        first.Tell("count", TestActor);
        second.Tell("count", TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public void Escalate_must_hand_the_failure_to_the_grandparent()
    {
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var parent = Sys.ActorOf(Props.Create(() => new Parent()).WithSupervisorStrategy(escalating));
        var child = Child(parent, "child");
        parent.Tell("count", TestActor);
        ExpectMsg(1);
        Watch(child);

        child.Tell("fail", TestActor);

        // The user guardian restarts the parent: its default PreRestart stops the child, and the
        // parent's count starts again.
        ExpectTerminated(child);
        parent.Tell("count", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void Resume_must_keep_the_state()
    {
        var resuming = new OneForOneStrategy(_ => Directive.Resume);
        var parent = Sys.ActorOf(Props.Create(() => new Parent()).WithSupervisorStrategy(resuming));
        var child = Child(parent, "child");
        child.Tell("count", TestActor);
        ExpectMsg(1);

        child.Tell("fail", TestActor);
        child.Tell("count", TestActor);

        ExpectMsg(2);
    }

    [Fact]
    public void The_default_decider_must_stop_an_actor_whose_constructor_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsInConstructor()));

        Watch(actor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void Kill_must_stop_the_actor_by_the_default_decider()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Counter(TestActor, new ManualResetEventSlim(true))));
        Watch(actor);

        actor.Tell(Kill.Instance);

        ExpectTerminated(actor);
    }

    [Fact]
    public void The_default_decider_must_restart_on_ordinary_exceptions_and_stop_on_initialization_failures()
    {
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(null, "x", null)));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException("x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException(ActorRefs.Nobody)));
    }

    [Fact]
    public void OneForOneStrategy_must_stop_a_child_that_fails_more_often_than_allowed_within_the_window()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Parent()).WithSupervisorStrategy(strategy));
        var child = Child(parent, "child");
        Watch(child);

        child.Tell("fail", TestActor);
        ExpectMsg("restarted");
        child.Tell("fail", TestActor);
        ExpectMsg("restarted");
        child.Tell("fail", TestActor);

        ExpectTerminated(child);
    }

    [Fact]
    public void OneForOneStrategy_must_allow_the_retries_again_once_the_window_has_passed()
    {
        var strategy = new OneForOneStrategy(1, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Parent()).WithSupervisorStrategy(strategy));
        var child = Child(parent, "child");

        child.Tell("fail", TestActor);
        ExpectMsg("restarted");
        Time.Advance(TimeSpan.FromMinutes(2));
        child.Tell("fail", TestActor);

        ExpectMsg("restarted");
    }

    [Fact]
    public void PreRestart_must_stop_the_children_by_default()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));
        var grandchild = Child(parent, "child");
        Watch(grandchild);
        Watch(parent);

        parent.Tell("fail", TestActor);

        ExpectTerminated(grandchild);
        parent.Tell("count", TestActor);
        ExpectMsg(1);
    }

    private IActorRef Child(IActorRef parent, string name)
    {
        parent.Tell(new Spawn(name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private sealed record Spawn(string Name);

    private sealed class Counter : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _count;

        public Counter(IActorRef probe, ManualResetEventSlim gate)
        {
            _probe = probe;
            Receive<string>(s => s == "count", _ => Sender.Tell(++_count));
            Receive<string>(s => s == "block", _ =>
            {
                Sender.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(5)); // the spec queues messages behind this one
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
        }

        protected internal override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }

    private sealed class Parent : ReceiveActor
    {
        private int _count;

        public Parent()
        {
            Receive<Spawn>(spawn => Sender.Tell(Context.ActorOf(Props.Create(() => new Counter(Sender, new ManualResetEventSlim(true))), spawn.Name)));
            Receive<string>(s => s == "count", _ => Sender.Tell(++_count));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent boom"));
        }
    }

    private sealed class ThrowsInConstructor : ReceiveActor
    {
        public ThrowsInConstructor() => throw new InvalidOperationException("cannot start");
    }
}
