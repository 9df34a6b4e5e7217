using Microsoft.Extensions.Logging;
using NodeManager.Actors;
using NodeManager.TestKit;

namespace NodeManager.Actors.Tests.Event;

public sealed class DeadLetterSpec : TestKit.TestKit
{
    private readonly CapturingLoggerFactory _logs;

    public DeadLetterSpec()
        : this(new CapturingLoggerFactory())
    {
    }

    private DeadLetterSpec(CapturingLoggerFactory logs)
        : base(useVirtualTime: true, settings: ActorSystemSettings.Default with
        {
            LoggerFactory = logs,
            DeadLetterLogLimit = 2,
            DeadLetterLogWindow = TimeSpan.FromMinutes(1),
        })
    {
        _logs = logs;
    }

    [Fact]
    public void A_message_to_a_stopped_actor_must_be_published_as_a_dead_letter_with_sender_and_recipient()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = StoppedActor();

        actor.Tell("lost", TestActor);

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal(("lost", TestActor, actor), (letter.Message, letter.Sender, letter.Recipient));
    }

    [Fact]
    public void Dead_letters_must_be_logged_with_type_sender_and_recipient_at_most_the_limit_per_window()
    {
        var actor = StoppedActor();

        for (var i = 0; i < 5; i++)
        {
            actor.Tell(new Lost(i), TestActor);
        }

        AwaitAssert(() => Assert.Equal(2, DeadLetterEntries().Count));
        var first = DeadLetterEntries()[0].Message;
        Assert.Contains(typeof(Lost).FullName!, first);
        Assert.Contains(TestActor.Path.ToString(), first);
        Assert.Contains(actor.Path.ToString(), first);

        Time.Advance(TimeSpan.FromMinutes(1));
        actor.Tell(new Lost(6), TestActor);

        AwaitAssert(() => Assert.Contains(SystemEntries(), e => e.Message.StartsWith("3 further dead letters", StringComparison.Ordinal)));
        AwaitAssert(() => Assert.Equal(3, DeadLetterEntries().Count));
    }

    [Fact]
    public void An_unhandled_message_must_be_published_and_logged()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var picky = Sys.ActorOf(Props.Create(() => new Picky()), "picky");

        picky.Tell(3.14, TestActor);

        Assert.Equal(3.14, unhandled.ExpectMsg<UnhandledMessage>().Message);
        AwaitAssert(() => Assert.Contains(SystemEntries(), e => e.Level == LogLevel.Warning && e.Message.Contains("/user/picky") && e.Message.Contains("System.Double")));
    }

    private IActorRef StoppedActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Picky()));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        return actor;
    }

    private List<CapturingLoggerFactory.LogEntry> SystemEntries() =>
        _logs.Entries.Where(e => e.Category == "NodeManager.Actors.DeadLetters").ToList();

    private List<CapturingLoggerFactory.LogEntry> DeadLetterEntries() =>
        SystemEntries().Where(e => e.Message.Contains("dead letter)")).ToList();

    private sealed record Lost(int N);

    private sealed class Picky : ReceiveActor
    {
        public Picky() => Receive<string>(_ => { });
    }
}
