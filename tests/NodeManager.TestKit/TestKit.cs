using System.Diagnostics;
using NodeManager.Actors;
using Xunit.Sdk;

namespace NodeManager.TestKit;

/// <summary>
/// The base of actor specs (xunit 2): one <see cref="ActorSystem"/> per test, a <see cref="TestActor"/>
/// whose inbox the Expect methods read, probes, and optionally virtual time (<see cref="Time"/>).
/// Expect timeouts are wall-clock and default to 3 s, or to what is left of an enclosing <see cref="Within(TimeSpan, Action)"/>.
/// </summary>
public abstract class TestKit : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private readonly VirtualTimeProvider? _time;
    private readonly TestProbe _testProbe;
    private long? _deadline; // Stopwatch timestamp set by Within; read by the default timeouts
    private int _probeCount;

    protected TestKit(bool useVirtualTime = false, ActorSystemSettings? settings = null, string systemName = "test")
    {
        settings ??= ActorSystemSettings.Default;
        if (useVirtualTime)
        {
            _time = new VirtualTimeProvider();
            settings = settings with { TimeProvider = _time };
        }

        Sys = ActorSystem.Create(systemName, settings);
        _testProbe = new TestProbe(Sys, "testActor", Timeout);
    }

    public ActorSystem Sys { get; }

    /// <summary>The virtual clock driving <see cref="Sys"/>; only with <c>useVirtualTime: true</c>.</summary>
    public VirtualTimeProvider Time =>
        _time ?? throw new InvalidOperationException("This TestKit runs on real time; pass useVirtualTime: true to the base constructor");

    /// <summary>The default probe: the sender of <see cref="Send"/> and the target of the Expect methods.</summary>
    public IActorRef TestActor => _testProbe.Ref;

    public IActorRef? LastSender => _testProbe.LastSender;

    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"testProbe-{Interlocked.Increment(ref _probeCount)}", Timeout);

    /// <summary>Sends a message with <see cref="TestActor"/> as the sender.</summary>
    public void Send(IActorRef target, object message) => _testProbe.Send(target, message);

    public void Reply(object message) => _testProbe.Reply(message);

    public T ExpectMsg<T>(TimeSpan? timeout = null) => _testProbe.ExpectMsg<T>(timeout);

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => _testProbe.ExpectMsg(expected, timeout);

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => _testProbe.ExpectMsg(isMessage, timeout);

    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => _testProbe.FishForMessage(isMessage, timeout);

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _testProbe.ReceiveN(count, timeout);

    public void ExpectNoMsg(TimeSpan duration) => _testProbe.ExpectNoMsg(duration);

    /// <summary>
    /// Asks and waits at most <paramref name="timeout"/> of wall-clock time (default 3 s). Prefer it
    /// to a bare <c>Ask</c> under virtual time, whose timeout only passes when <c>Time</c> is advanced.
    /// </summary>
    public async Task<T> AskAsync<T>(IActorRef target, object message, TimeSpan? timeout = null)
    {
        var limit = Timeout(timeout);
        try
        {
            return await target.Ask<T>(message, TimeSpan.FromDays(1)).WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new XunitException(
                $"AskAsync<{typeof(T).Name}>: [{target.Path}] did not reply to {message.GetType().Name} within {limit.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Watches with <see cref="TestActor"/>; pair with <see cref="ExpectTerminated"/>.</summary>
    public IActorRef Watch(IActorRef actor) => _testProbe.Watch(actor);

    public IActorRef Unwatch(IActorRef actor) => _testProbe.Unwatch(actor);

    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => _testProbe.ExpectTerminated(actor, timeout);

    /// <summary>Runs <paramref name="action"/> and fails if it takes longer than <paramref name="max"/> (wall clock).</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        var outer = _deadline;
        var clock = Stopwatch.StartNew();
        _deadline = Stopwatch.GetTimestamp() + (long)(max.TotalSeconds * Stopwatch.Frequency);
        try
        {
            action();
        }
        finally
        {
            _deadline = outer;
        }

        var elapsed = clock.Elapsed;
        if (elapsed > max || elapsed < min)
        {
            throw new XunitException(
                $"Within({min.TotalMilliseconds:0} ms, {max.TotalMilliseconds:0} ms): the block took {elapsed.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Retries <paramref name="assertion"/> until it passes or <paramref name="duration"/> has passed, then rethrows its failure.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = Timeout(duration);
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (clock.Elapsed < max)
            {
                // Polling is the contract of AwaitAssert; the pause keeps it off the CPU the actors need.
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails naming the wait if it never does.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        var limit = Timeout(max);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed >= limit)
            {
                throw new XunitException($"AwaitCondition: {message ?? "the condition"} did not hold within {limit.TotalMilliseconds:0} ms");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !Sys.Terminate().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new XunitException($"Actor system [{Sys.Name}] did not terminate within 10 s after the test");
        }
    }

    private TimeSpan Timeout(TimeSpan? requested)
    {
        if (requested is { } explicitTimeout)
        {
            return explicitTimeout;
        }

        if (_deadline is { } deadline)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        return DefaultTimeout;
    }
}
