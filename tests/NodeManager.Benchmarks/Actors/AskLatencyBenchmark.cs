using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using NodeManager.Actors;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// One request-reply round trip: <c>Ask</c> to an actor that answers at once, against a bare
/// channel request whose reader loop completes the caller's TaskCompletionSource. Target: median ≤ 5 µs.
/// </summary>
[Config(typeof(ShortJobs.Fast))]
[MedianColumn]
[MemoryDiagnoser]
public class AskLatencyBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<TaskCompletionSource<int>> _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("ask");
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
        _requests = Channel.CreateUnbounded<TaskCompletionSource<int>>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(async () =>
        {
            await foreach (var request in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                request.SetResult(1);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requests.Writer.Complete();
        _system.Terminate().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<int> BareChannelRoundTrip()
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(reply);
        return reply.Task;
    }

    [Benchmark]
    public Task<int> Ask() => _echo.Ask<int>(1, Timeout);

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message);
            return true;
        }
    }
}
