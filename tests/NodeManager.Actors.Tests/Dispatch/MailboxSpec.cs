using System.Runtime.CompilerServices;
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
    public void An_actor_must_process_its_mailbox_in_batches_of_at_most_throughput_messages()
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

        var batches = ExpectMsg<IReadOnlyList<long>>();
        Assert.Equal(50, batches.Count);
        Assert.All(batches.GroupBy(batch => batch), perBatch => Assert.True(perBatch.Count() <= 5, $"{perBatch.Count()} messages in batch {perBatch.Key}"));
    }

    [Fact]
    public void A_busy_actor_must_not_starve_another()
    {
        const int flood = 100_000;
        var gate = new ManualResetEventSlim();
        var processed = new StrongBox<int>();
        var busy = Sys.ActorOf(Props.Create(() => new Counting(processed, gate)));
        var other = Sys.ActorOf(Props.Create(() => new Counting(new StrongBox<int>(), gate)));
        busy.Tell("block");
        for (var i = 0; i < flood; i++)
        {
            busy.Tell(i);
        }

        gate.Set();
        Send(other, "ping");

        ExpectMsg("pong");
        Assert.True(Volatile.Read(ref processed.Value) < flood, "the other actor was served only after the busy one had finished");
        Send(busy, "ping");
        ExpectMsg("pong", TimeSpan.FromSeconds(20));
        Assert.Equal(flood, processed.Value);
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

    private sealed class Counting : ReceiveActor
    {
        public Counting(StrongBox<int> processed, ManualResetEventSlim gate)
        {
            Receive<int>(_ =>
            {
                Thread.SpinWait(20); // a little work per message, so that the flood takes a while
                Interlocked.Increment(ref processed.Value);
            });
            Receive<string>(s => s == "block", _ => gate.Wait(TimeSpan.FromSeconds(5)));
            Receive<string>(_ => Sender.Tell("pong"));
        }
    }

    private sealed class TurnRecorder : ReceiveActor
    {
        public TurnRecorder(ManualResetEventSlim gate)
        {
            var turns = new List<long>();
            Receive<string>(s => s == "block", _ => gate.Wait(TimeSpan.FromSeconds(5)));
            Receive<int>(_ => turns.Add(((ActorCell)Context).Mailbox.Batches));
            Receive<string>(s => s == "turns", _ => Sender.Tell((IReadOnlyList<long>)turns));
        }
    }
}
