using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Actor;

public sealed class DeathWatchSpec : TestKit.TestKit
{
    [Fact]
    public void Watch_must_deliver_Terminated_when_the_watched_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(actor);

        Sys.Stop(actor);

        Assert.Equal(actor, ExpectTerminated(actor).ActorRef);
    }

    [Fact]
    public void Watch_of_an_already_dead_actor_must_deliver_Terminated()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        var late = CreateTestProbe();
        late.Watch(actor);

        late.ExpectTerminated(actor);
    }

    [Fact]
    public void PoisonPill_must_stop_the_actor_after_the_messages_queued_before_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(actor);

        Send(actor, 1);
        Send(actor, 2);
        actor.Tell(PoisonPill.Instance);
        Send(actor, 3);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Unwatch_must_drop_a_Terminated_that_is_not_yet_processed()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new UnwatchingWatcher(TestActor)));
        var subject = Sys.ActorOf(Props.Create(() => new Echo()));

        watcher.Tell(subject);
        ExpectMsg("watching");
        watcher.Tell("wait for its death");
        watcher.Tell("unwatch");
        Sys.Stop(subject);

        ExpectMsg("unwatched");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_unhandled_Terminated_must_stop_the_watcher_with_a_death_pact()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher()));
        var subject = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(watcher);

        watcher.Tell(subject);
        Sys.Stop(subject);

        ExpectTerminated(watcher);
    }

    [Fact]
    public void A_parent_must_stop_after_its_children_and_watchers_must_hear_of_both()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)), "parent");
        var child = ExpectMsg<IActorRef>();
        Watch(parent);
        Watch(child);

        Sys.Stop(parent);

        ExpectMsg("child stopped");
        var rest = ReceiveN(3).ToList();
        Assert.Contains(new Terminated(child), rest);
        Assert.True(rest.IndexOf("parent stopped") < rest.IndexOf(new Terminated(parent)), string.Join(", ", rest));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }

    private sealed class UnwatchingWatcher : ReceiveActor
    {
        private IActorRef? _subject;

        public UnwatchingWatcher(IActorRef probe)
        {
            Receive<IActorRef>(subject =>
            {
                _subject = Context.Watch(subject);
                probe.Tell("watching");
            });
            Receive<string>(text => text == "unwatch", _ =>
            {
                Context.Unwatch(_subject!);
                probe.Tell("unwatched");
            });
            Receive<string>(_ =>
            {
                // Hold the turn until the subject is dead, so its Terminated queues behind "unwatch".
                while (!((IInternalActorRef)_subject!).IsTerminated)
                {
                    Thread.Yield();
                }
            });
            Receive<Terminated>(terminated => probe.Tell(terminated));
        }
    }

    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher() => Receive<IActorRef>(subject => Context.Watch(subject));
    }

    private sealed class Parent : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Parent(IActorRef probe)
        {
            _probe = probe;
            probe.Tell(Context.ActorOf(Props.Create(() => new Child(probe)), "child"));
        }

        protected internal override void PostStop() => _probe.Tell("parent stopped");
    }

    private sealed class Child(IActorRef probe) : ReceiveActor
    {
        protected internal override void PostStop() => probe.Tell("child stopped");
    }
}
