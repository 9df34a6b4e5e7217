using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// One request-reply round trip: Akka's <c>Ask</c> to an actor that answers at once, against a bare channel request
/// whose reader loop completes the caller's TaskCompletionSource. Target: median ≤ 5 µs.
/// </summary>
[Config(typeof(ShortJobs.Fast))]
[MedianColumn]
[MemoryDiagnoser]
public class AskLatencyBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly object Request = new();

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<TaskCompletionSource<object>> _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("ask", ActorBenchmarks.Config);
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
        _requests = Channel.CreateUnbounded<TaskCompletionSource<object>>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(async () =>
        {
            await foreach (var request in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                request.SetResult(Request);
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
    public Task<object> BareChannelRoundTrip()
    {
        var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(reply);
        return reply.Task;
    }

    [Benchmark]
    public Task<object> Ask() => _echo.Ask<object>(Request, Timeout);

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message);
    }
}
