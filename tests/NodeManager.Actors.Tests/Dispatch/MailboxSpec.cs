using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Dispatch;

public sealed class MailboxSpec : TestKit.TestKit
{
    public MailboxSpec()
        : base(settings: ActorSystemSettings.Default with { Throughput = 5 })
    {
    }

    [Fact]
    public async Task Messages_from_each_sender_must_arrive_in_send_order_under_concurrency()
    {
        const int senders = 8;
        const int perSender = 5_000;
        var actor = Sys.ActorOf(Props.Create(() => new OrderChecker(senders)));

        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                actor.Tell(new Numbered(sender, i));
            }
        })));
        var report = await actor.Ask<Report>("report", TimeSpan.FromSeconds(10));

        Assert.Equal(senders * perSender, report.Received);
        Assert.Equal(0, report.OutOfOrder);
    }

    [Fact]
    public void An_actor_must_give_its_thread_back_after_throughput_messages()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new TurnRecorder(gate)));
        actor.Tell("block");
        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i);
        }

        gate.Set();
        Send(actor, "turns");

        var turns = ExpectMsg<IReadOnlyList<long>>();
        Assert.Equal(50, turns.Count);
        Assert.All(turns.GroupBy(turn => turn), perTurn => Assert.True(perTurn.Count() <= 5, $"{perTurn.Count()} messages in turn {perTurn.Key}"));
    }

    [Fact]
    public void A_busy_actor_must_not_starve_another()
    {
        var gate = new ManualResetEventSlim();
        var busy = Sys.ActorOf(Props.Create(() => new TurnRecorder(gate)));
        gate.Set();
        var other = Sys.ActorOf(Props.Create(() => new TurnRecorder(gate)));

        for (var i = 0; i < 100_000; i++)
        {
            busy.Tell(i);
        }

        Send(other, "turns");

        // The other actor answers long before the busy one has worked through its mailbox.
        ExpectMsg<IReadOnlyList<long>>();
        Send(busy, "turns");
        Assert.Equal(100_000, ExpectMsg<IReadOnlyList<long>>(TimeSpan.FromSeconds(10)).Count);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Report(int Received, int OutOfOrder);

    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int senders)
        {
            var next = new int[senders];
            var received = 0;
            var outOfOrder = 0;
            Receive<Numbered>(n =>
            {
                received++;
                if (n.Sequence != next[n.Sender])
                {
                    outOfOrder++;
                }

                next[n.Sender] = n.Sequence + 1;
            });
            Receive<string>(_ => Sender.Tell(new Report(received, outOfOrder)));
        }
    }

    private sealed class TurnRecorder : ReceiveActor
    {
        public TurnRecorder(ManualResetEventSlim gate)
        {
            var turns = new List<long>();
            Receive<string>(s => s == "block", _ => gate.Wait(TimeSpan.FromSeconds(5)));
            Receive<int>(_ => turns.Add(((ActorCell)Context).Mailbox.Turns));
            Receive<string>(s => s == "turns", _ => Sender.Tell((IReadOnlyList<long>)turns));
        }
    }
}
