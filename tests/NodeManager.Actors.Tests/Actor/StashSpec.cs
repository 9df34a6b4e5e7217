using FsCheck;
using FsCheck.Fluent;
using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Actor;

public sealed class StashSpec : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_must_replay_stashed_messages_in_order_before_newer_ones()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper()));

        foreach (var n in new[] { 1, 2, 3 })
        {
            Send(actor, n);
        }

        Send(actor, "open");
        Send(actor, 4);

        Assert.Equal([1, 2, 3, 4], ReceiveN(4).Cast<int>());
    }

    [Fact]
    public void Stashing_and_unstashing_must_never_reorder_messages()
    {
        // Any mix of messages and open/close switches: whatever is stashed while closed comes back
        // ahead of everything that arrived later, so the delivered order is the sent order.
        var commands = Gen.Frequency((3, Gen.Choose(0, 1_000).Select(n => (object)n)), (1, Gen.Elements<object>("open", "close")));
        Prop.ForAll(
                Gen.ListOf(commands).ToArbitrary(),
                sent =>
                {
                    var probe = CreateTestProbe();
                    var actor = Sys.ActorOf(Props.Create(() => new Switchable(probe.Ref)));
                    foreach (var command in sent.Append("open"))
                    {
                        actor.Tell(command);
                    }

                    var expected = sent.OfType<int>().ToList();
                    var delivered = probe.ReceiveN(expected.Count).Cast<int>().ToList();
                    Sys.Stop(actor);
                    return delivered.SequenceEqual(expected);
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Unstash_must_return_only_the_oldest_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper()));
        Send(actor, 1);
        Send(actor, 2);

        Send(actor, "one");

        ExpectMsg(1);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_restart_must_put_stashed_messages_back_in_the_mailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper()));
        Send(actor, 1);
        Send(actor, 2);

        Send(actor, "fail");
        Send(actor, "open");

        Assert.Equal([1, 2], ReceiveN(2).Cast<int>());
    }

    [Fact]
    public void Stop_must_send_stashed_messages_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper()));
        Send(actor, 7);

        Sys.Stop(actor);

        Assert.Equal(7, deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    private sealed class Switchable : ReceiveActor
    {
        public Switchable(IActorRef probe)
        {
            Closed();

            void Closed()
            {
                Receive<string>(s => s == "open", _ =>
                {
                    Stash.UnstashAll();
                    Become(Open);
                });
                Receive<string>(_ => { });
                Receive<int>(_ => Stash.Stash());
            }

            void Open()
            {
                Receive<string>(s => s == "close", _ => Become(Closed));
                Receive<string>(_ => { });
                Receive<int>(n => probe.Tell(n));
            }
        }
    }

    private sealed class Gatekeeper : ReceiveActor
    {
        public Gatekeeper()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Stash.UnstashAll();
                Become(() => ReceiveAny(message => Sender.Tell(message)));
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                Become(() => ReceiveAny(message => Sender.Tell(message)));
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            Receive<int>(_ => Stash.Stash());
        }
    }
}
