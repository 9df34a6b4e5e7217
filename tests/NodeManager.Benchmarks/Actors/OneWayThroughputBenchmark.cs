using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// One producer telling one Akka actor <see cref="Messages"/> messages, against a bare <c>Channel&lt;T&gt;</c> with a
/// reader loop doing the same work (count, finish at the last). Times are per message. Target: Ratio ≤ 2 (the actor
/// at least half the channel's throughput).
/// </summary>
[Config(typeof(ShortJobs.Fast))]
[MedianColumn]
public class OneWayThroughputBenchmark
{
    private const int Messages = 1_000_000;
    private static readonly object Message = new();

    private ActorSystem _system = null!;
    private IActorRef _counter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("throughput", ActorBenchmarks.Config);
        _counter = _system.ActorOf(Props.Create(() => new Counter()));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public async Task BareChannel()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            var count = 0;
            while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out _))
                {
                    if (++count == Messages)
                    {
                        done.SetResult();
                        return;
                    }
                }
            }
        });

        for (var i = 0; i < Messages; i++)
        {
            channel.Writer.TryWrite(Message);
        }

        await done.Task.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task ActorTell()
    {
        var round = new Counter.Expect(Messages);
        _counter.Tell(round);
        for (var i = 0; i < Messages; i++)
        {
            _counter.Tell(Message);
        }

        await round.Done.Task.ConfigureAwait(false);
    }

    private sealed class Counter : UntypedActor
    {
        private Expect? _expect;
        private int _count;

        protected override void OnReceive(object message)
        {
            if (message is Expect expect)
            {
                _expect = expect;
                _count = 0;
            }
            else if (++_count == _expect!.Count)
            {
                _expect.Done.SetResult();
            }
        }

        public sealed class Expect(int count)
        {
            public int Count { get; } = count;

            public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
