using System.Collections.Concurrent;
using System.Diagnostics;
using NodeManager.Actors;
using Xunit.Sdk;

namespace NodeManager.TestKit;

/// <summary>
/// An actor whose inbox the test reads: every message it receives is queued for
/// <c>ExpectMsg</c> and friends, which wait on the wall clock (the actors may run on virtual time).
/// Failures say what was expected, what came, and how long was waited.
/// </summary>
public sealed class TestProbe : IActorRef
{
    private readonly BlockingCollection<Received> _inbox = [];
    private readonly Func<TimeSpan?, TimeSpan> _timeout;

    internal TestProbe(ActorSystem system, string name, Func<TimeSpan?, TimeSpan> timeout)
    {
        _timeout = timeout;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_inbox)), name);
    }

    public IActorRef Ref { get; }

    public ActorPath Path => Ref.Path;

    /// <summary>The sender of the last message taken from the inbox.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>Delivers a message to this probe, as to any actor.</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    /// <summary>Sends a message to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to <see cref="LastSender"/>.</summary>
    public void Reply(object message)
    {
        var sender = LastSender ?? throw new XunitException("Reply: no message has been received yet, so there is no sender to reply to");
        sender.Tell(message, Ref);
    }

    /// <summary>Forwards to <paramref name="target"/> keeping <see cref="LastSender"/> as the sender.</summary>
    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, "any");

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) =>
        ExpectMsg<T>(actual => Equals(actual, expected), timeout, $"equal to {expected}");

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => ExpectMsg(isMessage, timeout, "matching the predicate");

    /// <summary>Skips messages until one of type <typeparamref name="T"/> satisfies the predicate.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        var max = _timeout(timeout);
        var clock = Stopwatch.StartNew();
        var skipped = new List<object>();
        while (true)
        {
            var left = max - clock.Elapsed;
            if (!TryTake(left > TimeSpan.Zero ? left : TimeSpan.Zero, out var received))
            {
                throw new XunitException(
                    $"FishForMessage<{typeof(T).Name}>: no matching message within {Format(max)}; skipped {skipped.Count}: [{string.Join(", ", skipped)}]");
            }

            if (received.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            skipped.Add(received.Message);
        }
    }

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var max = _timeout(timeout);
        var clock = Stopwatch.StartNew();
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = max - clock.Elapsed;
            if (!TryTake(left > TimeSpan.Zero ? left : TimeSpan.Zero, out var received))
            {
                throw new XunitException($"ReceiveN({count}): only {messages.Count} messages arrived within {Format(max)}");
            }

            messages.Add(received.Message);
        }

        return messages;
    }

    /// <summary>Asserts that nothing arrives for <paramref name="duration"/> (wall clock).</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (TryTake(duration, out var received))
        {
            throw new XunitException($"ExpectNoMsg: expected no message for {Format(duration)}, got {Describe(received)}");
        }
    }

    public IActorRef Watch(IActorRef actor)
    {
        Ref.Tell(new ProbeActor.WatchCommand(actor, Watch: true));
        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        Ref.Tell(new ProbeActor.WatchCommand(actor, Watch: false));
        return actor;
    }

    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(terminated => terminated.ActorRef.Equals(actor), timeout, $"for [{actor.Path}]");

    public override string ToString() => $"TestProbe[{Path}]";

    private T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout, string what)
    {
        var max = _timeout(timeout);
        if (!TryTake(max, out var received))
        {
            throw new XunitException($"ExpectMsg<{typeof(T).Name}> ({what}): timeout after {Format(max)}, no message arrived");
        }

        if (received.Message is not T typed)
        {
            throw new XunitException($"ExpectMsg<{typeof(T).Name}> ({what}): got {Describe(received)} instead");
        }

        if (!isMessage(typed))
        {
            throw new XunitException($"ExpectMsg<{typeof(T).Name}> ({what}): got {Describe(received)}, which does not match");
        }

        return typed;
    }

    private bool TryTake(TimeSpan timeout, out Received received)
    {
        if (!_inbox.TryTake(out received, timeout))
        {
            return false;
        }

        LastSender = received.Sender;
        return true;
    }

    private static string Describe(Received received) =>
        $"{received.Message.GetType().Name} {received.Message} from {received.Sender?.Path.ToString() ?? "NoSender"}";

    private static string Format(TimeSpan duration) => $"{duration.TotalMilliseconds:0} ms";

    private readonly record struct Received(object Message, IActorRef? Sender);

    private sealed class ProbeActor : ActorBase
    {
        private readonly BlockingCollection<Received> _inbox;

        public ProbeActor(BlockingCollection<Received> inbox) => _inbox = inbox;

        protected internal override bool Receive(object message)
        {
            switch (message)
            {
                case WatchCommand { Watch: true } command:
                    Context.Watch(command.Subject);
                    break;
                case WatchCommand command:
                    Context.Unwatch(command.Subject);
                    break;
                default:
                    _inbox.Add(new Received(message, Sender.Equals(Context.System.DeadLetters) ? null : Sender));
                    break;
            }

            return true;
        }

        internal sealed record WatchCommand(IActorRef Subject, bool Watch);
    }
}
