using NodeManager.Actors;

namespace NodeManager.Actors.Tests.Dispatch;

public sealed class StressSpec : TestKit.TestKit
{
    private const int Actors = 1_000;
    private const int Messages = 1_000_000;
    private const int Producers = 4;

    [Fact]
    public async Task A_thousand_actors_must_receive_a_million_messages_none_lost_none_reordered()
    {
        var actors = Enumerable.Range(0, Actors)
            .Select(i => Sys.ActorOf(Props.Create(() => new SequenceChecker(Producers)), $"checker-{i}"))
            .ToArray();

        // Each producer sends its own numbered stream to every actor, interleaved with the others.
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(producer => Task.Run(() =>
        {
            var perActor = Messages / Producers / Actors;
            for (var sequence = 0; sequence < perActor; sequence++)
            {
                foreach (var actor in actors)
                {
                    actor.Tell(new Numbered(producer, sequence));
                }
            }
        })));
        var reports = await Task.WhenAll(actors.Select(actor => actor.Ask<Report>(GetReport.Instance, TimeSpan.FromSeconds(30))));

        Assert.Equal(Messages, reports.Sum(report => report.Received));
        Assert.All(reports, report => Assert.Equal(0, report.OutOfOrder));
    }

    private sealed record Numbered(int Producer, int Sequence);

    private sealed record Report(int Received, int OutOfOrder);

    private sealed class GetReport
    {
        public static readonly GetReport Instance = new();
    }

    private sealed class SequenceChecker : ActorBase
    {
        private readonly int[] _next;
        private int _received;
        private int _outOfOrder;

        public SequenceChecker(int producers) => _next = new int[producers];

        protected internal override bool Receive(object message)
        {
            switch (message)
            {
                case Numbered numbered:
                    _received++;
                    if (numbered.Sequence != _next[numbered.Producer])
                    {
                        _outOfOrder++;
                    }

                    _next[numbered.Producer] = numbered.Sequence + 1;
                    return true;
                case GetReport:
                    Sender.Tell(new Report(_received, _outOfOrder));
                    return true;
                default:
                    return false;
            }
        }
    }
}
