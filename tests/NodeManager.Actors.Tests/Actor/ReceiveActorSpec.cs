using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Actor;

public sealed class ReceiveActorSpec : TestKit.TestKit
{
    [Fact]
    public void ReceiveActor_must_dispatch_by_type_and_predicate()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Classifier()));

        Send(actor, 5);
        Send(actor, -3);
        Send(actor, "text");
        Send(actor, 1.5);

        ExpectMsg("positive 5");
        ExpectMsg("int -3");
        ExpectMsg("string text");
        ExpectMsg("any 1.5");
    }

    [Fact]
    public void Become_must_replace_the_behaviour_and_UnbecomeStacked_must_restore_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));

        Send(actor, "hello");
        ExpectMsg("normal hello");
        Send(actor, "swap");
        Send(actor, "hello");
        ExpectMsg("swapped hello");
        Send(actor, "back");
        Send(actor, "hello");
        ExpectMsg("normal hello");
    }

    [Fact]
    public async Task Ask_must_complete_with_the_reply()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Classifier()));

        var reply = await actor.Ask<string>(42, TimeSpan.FromSeconds(3));

        Assert.Equal("positive 42", reply);
    }

    [Fact]
    public void Forward_must_keep_the_original_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Classifier()), "echo");
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)));

        Send(forwarder, "via");

        ExpectMsg("string via");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Forward_outside_an_actor_must_throw()
    {
        Assert.Throws<InvalidOperationException>(() => TestActor.Forward("x"));
    }

    [Fact]
    public void ActorOf_must_reject_a_duplicate_name_with_a_clear_exception()
    {
        Sys.ActorOf(Props.Create(() => new Classifier()), "unique");

        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Classifier()), "unique"));

        Assert.Contains("[unique] is not unique", error.Message);
    }

    [Fact]
    public void Actor_paths_must_follow_the_hierarchy()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Classifier()), "districts");

        Assert.Equal("/user/districts", actor.Path.ToStringWithoutAddress());
        Assert.Equal("akka://test/user/districts", actor.Path.ToString());
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(n => Sender.Tell($"positive {n}"), n => n > 0);
            Receive<int>(n => Sender.Tell($"int {n}"));
            Receive<string>(s => Sender.Tell($"string {s}"));
            ReceiveAny(o => Sender.Tell($"any {o}"));
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(message => target.Forward(message));
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher() => Normal();

        private void Normal()
        {
            Receive<string>(s => s == "swap", _ => BecomeStacked(Swapped));
            Receive<string>(s => Sender.Tell($"normal {s}"));
        }

        private void Swapped()
        {
            Receive<string>(s => s == "back", _ => UnbecomeStacked());
            Receive<string>(s => Sender.Tell($"swapped {s}"));
        }
    }
}
